package com.paystream.recon.matching.streams;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import com.paystream.recon.matching.LedgerArrival;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.StatementArrival;
import com.paystream.recon.matching.StatementKind;
import com.paystream.recon.matching.payouts.PayoutLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The matcher's input on its internal re-partition topics: the already validated line in a compact
 * binary form, so that a record is decoded from Avro once (at the source) instead of decoded,
 * re-encoded and decoded again. Internal to this topology (its topics are named after the
 * application id); the leading version byte lets a rolling upgrade read what the previous release
 * wrote.
 */
final class InboundCodec {

  static final Serde<Inbound> SERDE =
      Serdes.serdeFrom(
          (topic, inbound) -> inbound == null ? null : encode(inbound),
          (topic, bytes) -> bytes == null ? null : decode(bytes));

  // 3 adds the lines naming a payout (issue 19; the records of 1 and 2 are unchanged); 2 adds a
  // statement line's kind and own reference (issue 15); 1 is still read, its lines as the
  // previous release matched them (credits as payments).
  private static final byte VERSION = 3;
  private static final byte STATEMENT = 1;
  private static final byte LEDGER = 2;
  private static final byte RESOLUTION = 3;
  private static final byte PAYOUT = 4;

  private InboundCodec() {}

  static byte[] encode(Inbound inbound) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (inbound instanceof Inbound.Resolution resolution) {
        writeResolution(out, resolution.resolution());
      } else if (inbound instanceof Inbound.Payout payout) {
        writePayout(out, payout.line());
      } else {
        var arrival = ((Inbound.Line) inbound).arrival();
        if (arrival instanceof StatementArrival line) {
          writeStatement(out, line);
        } else {
          writeLedger(out, (LedgerArrival) arrival);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Inbound decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("unknown inbound encoding version " + version);
      }
      byte kind = in.readByte();
      return switch (kind) {
        case STATEMENT -> new Inbound.Line(readStatement(in, version));
        case LEDGER -> new Inbound.Line(readLedger(in));
        case RESOLUTION -> new Inbound.Resolution(readResolution(in));
        case PAYOUT -> new Inbound.Payout(readPayout(in));
        default -> throw new IllegalStateException("unknown inbound kind " + kind);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt inbound record", e);
    }
  }

  private static void writeStatement(DataOutputStream out, StatementArrival line)
      throws IOException {
    out.writeByte(STATEMENT);
    out.writeUTF(line.reference());
    out.writeUTF(line.statementId());
    out.writeUTF(line.lineId());
    out.writeBoolean(line.direction() == Direction.CREDIT);
    out.writeLong(line.amount().minor());
    out.writeUTF(line.amount().currencyCode());
    out.writeLong(line.businessDate().toEpochDay());
    writeNullable(out, line.provider());
    out.writeUTF(line.causationId());
    out.writeUTF(line.traceId());
    writeNullable(out, line.ownReference());
    out.writeByte(line.kind().ordinal());
  }

  private static StatementArrival readStatement(DataInputStream in, byte version)
      throws IOException {
    String reference = in.readUTF();
    String statementId = in.readUTF();
    String lineId = in.readUTF();
    Direction direction = in.readBoolean() ? Direction.CREDIT : Direction.DEBIT;
    Money amount = Money.of(in.readLong(), in.readUTF());
    LocalDate date = LocalDate.ofEpochDay(in.readLong());
    String provider = readNullable(in);
    String causationId = in.readUTF();
    String traceId = in.readUTF();
    String ownReference;
    StatementKind kind;
    if (version >= 2) {
      ownReference = readNullable(in);
      kind = StatementKind.values()[in.readByte()];
    } else {
      ownReference = reference.startsWith(ArrivalMapper.UNREFERENCED_PREFIX) ? null : reference;
      kind = direction == Direction.CREDIT ? StatementKind.PAYMENT : StatementKind.REFUND;
    }
    return new StatementArrival(
        reference,
        ownReference,
        kind,
        statementId,
        lineId,
        direction,
        amount,
        date,
        provider,
        causationId,
        traceId);
  }

  private static void writeLedger(DataOutputStream out, LedgerArrival line) throws IOException {
    out.writeByte(LEDGER);
    out.writeUTF(line.reference());
    out.writeUTF(line.accountId());
    out.writeLong(line.sequence());
    out.writeUTF(line.entryId());
    out.writeBoolean(line.booking());
    out.writeBoolean(line.side() == Direction.DEBIT);
    out.writeLong(line.amount().minor());
    out.writeUTF(line.amount().currencyCode());
    out.writeLong(line.effectiveDate().toEpochDay());
    writeNullable(out, line.provider());
    out.writeUTF(line.causationId());
    out.writeUTF(line.traceId());
  }

  private static LedgerArrival readLedger(DataInputStream in) throws IOException {
    return new LedgerArrival(
        in.readUTF(),
        in.readUTF(),
        in.readLong(),
        in.readUTF(),
        in.readBoolean(),
        in.readBoolean() ? Direction.DEBIT : Direction.CREDIT,
        Money.of(in.readLong(), in.readUTF()),
        LocalDate.ofEpochDay(in.readLong()),
        readNullable(in),
        in.readUTF(),
        in.readUTF());
  }

  private static void writePayout(DataOutputStream out, PayoutLine line) throws IOException {
    out.writeByte(PAYOUT);
    out.writeUTF(line.payoutReference());
    writeNullable(out, line.paymentReference());
    out.writeBoolean(line.bank());
    out.writeUTF(line.kind().name());
    out.writeUTF(line.statementId());
    out.writeUTF(line.lineId());
    out.writeBoolean(line.direction() == Direction.CREDIT);
    out.writeLong(line.amount().minor());
    out.writeUTF(line.amount().currencyCode());
    out.writeLong(line.bookingDate().toEpochDay());
    out.writeLong(line.valueDate().toEpochDay());
    writeNullable(out, line.provider());
    out.writeUTF(line.causationId());
    out.writeUTF(line.traceId());
  }

  private static PayoutLine readPayout(DataInputStream in) throws IOException {
    return new PayoutLine(
        in.readUTF(),
        readNullable(in),
        in.readBoolean(),
        StatementKind.valueOf(in.readUTF()),
        in.readUTF(),
        in.readUTF(),
        in.readBoolean() ? Direction.CREDIT : Direction.DEBIT,
        Money.of(in.readLong(), in.readUTF()),
        LocalDate.ofEpochDay(in.readLong()),
        LocalDate.ofEpochDay(in.readLong()),
        readNullable(in),
        in.readUTF(),
        in.readUTF());
  }

  private static void writeResolution(DataOutputStream out, ManualResolution resolution)
      throws IOException {
    out.writeByte(RESOLUTION);
    out.writeUTF(resolution.resolutionId());
    out.writeUTF(resolution.breakId());
    out.writeUTF(resolution.reference());
    out.writeUTF(resolution.reason());
  }

  private static ManualResolution readResolution(DataInputStream in) throws IOException {
    return new ManualResolution(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
