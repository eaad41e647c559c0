package com.paystream.recon.matching.payouts;

import static com.paystream.recon.matching.payouts.Binary.readDate;
import static com.paystream.recon.matching.payouts.Binary.readMoney;
import static com.paystream.recon.matching.payouts.Binary.readNullable;
import static com.paystream.recon.matching.payouts.Binary.writeDate;
import static com.paystream.recon.matching.payouts.Binary.writeMoney;
import static com.paystream.recon.matching.payouts.Binary.writeNullable;

import com.paystream.recon.matching.StatementKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link PayoutUnit} in its state store and changelog; the leading version
 * byte lets a later release read what this one wrote (as {@code MatchUnitCodec}).
 */
public final class PayoutUnitCodec {

  private static final byte VERSION = 1;

  private PayoutUnitCodec() {}

  public static byte[] encode(PayoutUnit unit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(unit.snapshot(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static PayoutUnit decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown payout unit encoding version " + version);
      }
      return PayoutUnit.restore(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt payout unit", e);
    }
  }

  private static void write(PayoutUnit.Snapshot s, DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeUTF(s.reference());
    out.writeInt(s.seen().size());
    for (String identity : s.seen()) {
      out.writeUTF(identity);
    }
    out.writeInt(s.reportLines().size());
    for (PayoutUnit.ReportLine line : s.reportLines()) {
      out.writeUTF(line.identity());
      out.writeUTF(line.kind().name());
      writeMoney(out, line.signed());
      writeDate(out, line.bookingDate());
    }
    out.writeBoolean(s.payout() != null);
    if (s.payout() != null) {
      PayoutUnit.Payout p = s.payout();
      out.writeUTF(p.identity());
      out.writeUTF(p.statementId());
      out.writeUTF(p.lineId());
      writeMoney(out, p.net());
      writeDate(out, p.businessDate());
      writeDate(out, p.valueDate());
      writeNullable(out, p.provider());
    }
    out.writeInt(s.bankLines().size());
    for (PayoutUnit.BankLine line : s.bankLines()) {
      out.writeUTF(line.identity());
      out.writeUTF(line.statementId());
      out.writeUTF(line.lineId());
      writeMoney(out, line.signed());
      writeDate(out, line.bookingDate());
    }
    writeNullable(out, s.settledBy());
    writeNullable(out, s.returnedBy());
    out.writeBoolean(s.openBreak() != null);
    if (s.openBreak() != null) {
      writeBreak(out, s.openBreak());
    }
    out.writeInt(s.extraBreaks().size());
    for (PayoutUnit.OpenBreak extra : s.extraBreaks()) {
      writeBreak(out, extra);
    }
    out.writeInt(s.breakSeq());
    out.writeLong(s.emissions());
    out.writeLong(s.deadlineMs());
    out.writeUTF(s.deadlineKind().name());
    writeNullable(out, s.traceId());
  }

  private static PayoutUnit.Snapshot read(DataInput in) throws IOException {
    String reference = in.readUTF();
    int seenCount = in.readInt();
    List<String> seen = new ArrayList<>(seenCount);
    for (int i = 0; i < seenCount; i++) {
      seen.add(in.readUTF());
    }
    int reportCount = in.readInt();
    List<PayoutUnit.ReportLine> report = new ArrayList<>(reportCount);
    for (int i = 0; i < reportCount; i++) {
      report.add(
          new PayoutUnit.ReportLine(
              in.readUTF(), StatementKind.valueOf(in.readUTF()), readMoney(in), readDate(in)));
    }
    PayoutUnit.Payout payout =
        in.readBoolean()
            ? new PayoutUnit.Payout(
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                readMoney(in),
                readDate(in),
                readDate(in),
                readNullable(in))
            : null;
    int bankCount = in.readInt();
    List<PayoutUnit.BankLine> bank = new ArrayList<>(bankCount);
    for (int i = 0; i < bankCount; i++) {
      bank.add(
          new PayoutUnit.BankLine(
              in.readUTF(), in.readUTF(), in.readUTF(), readMoney(in), readDate(in)));
    }
    String settledBy = readNullable(in);
    String returnedBy = readNullable(in);
    PayoutUnit.OpenBreak open = in.readBoolean() ? readBreak(in) : null;
    int extraCount = in.readInt();
    List<PayoutUnit.OpenBreak> extra = new ArrayList<>(extraCount);
    for (int i = 0; i < extraCount; i++) {
      extra.add(readBreak(in));
    }
    int breakSeq = in.readInt();
    long emissions = in.readLong();
    long deadlineMs = in.readLong();
    PayoutUnit.DeadlineKind kind = PayoutUnit.DeadlineKind.valueOf(in.readUTF());
    return new PayoutUnit.Snapshot(
        reference,
        seen,
        report,
        payout,
        bank,
        settledBy,
        returnedBy,
        open,
        extra,
        breakSeq,
        emissions,
        deadlineMs,
        kind,
        readNullable(in));
  }

  private static void writeBreak(DataOutput out, PayoutUnit.OpenBreak b) throws IOException {
    Binary.writeBreak(out, b.breakId(), b.outcome(), b.businessDate(), b.leg());
  }

  private static PayoutUnit.OpenBreak readBreak(DataInput in) throws IOException {
    Binary.Break b = Binary.readBreak(in);
    return new PayoutUnit.OpenBreak(b.breakId(), b.outcome(), b.businessDate(), b.leg());
  }
}
