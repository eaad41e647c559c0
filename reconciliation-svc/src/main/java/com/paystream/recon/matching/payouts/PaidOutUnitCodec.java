package com.paystream.recon.matching.payouts;

import static com.paystream.recon.matching.payouts.Binary.readDate;
import static com.paystream.recon.matching.payouts.Binary.readMoney;
import static com.paystream.recon.matching.payouts.Binary.readNullable;
import static com.paystream.recon.matching.payouts.Binary.writeDate;
import static com.paystream.recon.matching.payouts.Binary.writeMoney;
import static com.paystream.recon.matching.payouts.Binary.writeNullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link PaidOutUnit} in its state store and changelog; the leading version
 * byte lets a later release read what this one wrote (as {@code MatchUnitCodec}).
 */
public final class PaidOutUnitCodec {

  private static final byte VERSION = 1;

  private PaidOutUnitCodec() {}

  public static byte[] encode(PaidOutUnit unit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(unit.snapshot(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static PaidOutUnit decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown paid-out unit encoding version " + version);
      }
      return PaidOutUnit.restore(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt paid-out unit", e);
    }
  }

  private static void write(PaidOutUnit.Snapshot s, DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeUTF(s.reference());
    out.writeInt(s.items().size());
    for (PaidOutUnit.Item item : s.items()) {
      out.writeUTF(item.identity());
      out.writeBoolean(item.payout());
      writeMoney(out, item.signed());
      out.writeUTF(item.sourceId());
    }
    out.writeInt(s.chargebacks().size());
    for (String identity : s.chargebacks()) {
      out.writeUTF(identity);
    }
    writeDate(out, s.businessDate());
    out.writeBoolean(s.dateFromLedger());
    writeNullable(out, s.provider());
    writeNullable(out, s.payoutReference());
    writeNullable(out, s.lastStatementId());
    writeNullable(out, s.lastLineId());
    writeNullable(out, s.lastEntryId());
    writeNullable(out, s.traceId());
    out.writeBoolean(s.paidOut());
    out.writeBoolean(s.openBreak() != null);
    if (s.openBreak() != null) {
      writeBreak(out, s.openBreak());
    }
    out.writeInt(s.extraBreaks().size());
    for (PaidOutUnit.OpenBreak extra : s.extraBreaks()) {
      writeBreak(out, extra);
    }
    out.writeInt(s.breakSeq());
    out.writeLong(s.emissions());
    out.writeLong(s.deadlineMs());
    out.writeUTF(s.deadlineKind().name());
  }

  private static PaidOutUnit.Snapshot read(DataInput in) throws IOException {
    String reference = in.readUTF();
    int itemCount = in.readInt();
    List<PaidOutUnit.Item> items = new ArrayList<>(itemCount);
    for (int i = 0; i < itemCount; i++) {
      items.add(new PaidOutUnit.Item(in.readUTF(), in.readBoolean(), readMoney(in), in.readUTF()));
    }
    int chargebackCount = in.readInt();
    List<String> chargebacks = new ArrayList<>(chargebackCount);
    for (int i = 0; i < chargebackCount; i++) {
      chargebacks.add(in.readUTF());
    }
    LocalDate businessDate = readDate(in);
    boolean dateFromLedger = in.readBoolean();
    String provider = readNullable(in);
    String payoutReference = readNullable(in);
    String lastStatementId = readNullable(in);
    String lastLineId = readNullable(in);
    String lastEntryId = readNullable(in);
    String traceId = readNullable(in);
    boolean paidOut = in.readBoolean();
    PaidOutUnit.OpenBreak open = in.readBoolean() ? readBreak(in) : null;
    int extraCount = in.readInt();
    List<PaidOutUnit.OpenBreak> extra = new ArrayList<>(extraCount);
    for (int i = 0; i < extraCount; i++) {
      extra.add(readBreak(in));
    }
    int breakSeq = in.readInt();
    long emissions = in.readLong();
    long deadlineMs = in.readLong();
    return new PaidOutUnit.Snapshot(
        reference,
        items,
        chargebacks,
        businessDate,
        dateFromLedger,
        provider,
        payoutReference,
        lastStatementId,
        lastLineId,
        lastEntryId,
        traceId,
        paidOut,
        open,
        extra,
        breakSeq,
        emissions,
        deadlineMs,
        PaidOutUnit.DeadlineKind.valueOf(in.readUTF()));
  }

  private static void writeBreak(DataOutput out, PaidOutUnit.OpenBreak b) throws IOException {
    Binary.writeBreak(out, b.breakId(), b.outcome(), b.businessDate(), b.leg());
  }

  private static PaidOutUnit.OpenBreak readBreak(DataInput in) throws IOException {
    Binary.Break b = Binary.readBreak(in);
    return new PaidOutUnit.OpenBreak(b.breakId(), b.outcome(), b.businessDate(), b.leg());
  }
}
