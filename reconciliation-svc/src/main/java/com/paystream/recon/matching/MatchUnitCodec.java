package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * The binary form of a {@link MatchUnit} in the state store and its changelog. Compact and fast
 * (the matcher reads and writes one per record); the leading version byte lets a later release read
 * what an earlier one wrote.
 */
public final class MatchUnitCodec {

  // 3 adds the trace id of the unit's ledger lines, which its results carry (tracing); 2 adds per
  // item whether it is an incoming payment, and the last line's statement id and own reference
  // (issue 15). 1 and 2 are still read: a unit they wrote has no trace until its next ledger line,
  // and version 1's statement credits count as incoming payments, as they did when it was written.
  private static final byte VERSION = 3;

  private MatchUnitCodec() {}

  public static byte[] encode(MatchUnit unit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(unit, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static MatchUnit decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("unknown match unit encoding version " + version);
      }
      return read(in, version);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt match unit", e);
    }
  }

  private static void write(MatchUnit unit, DataOutput out) throws IOException {
    MatchUnit.Snapshot state = unit.snapshot();
    out.writeByte(VERSION);
    out.writeUTF(state.reference());
    out.writeInt(state.items().size());
    for (MatchUnit.Item item : state.items()) {
      out.writeUTF(item.identity());
      out.writeBoolean(item.statement());
      out.writeLong(item.signed().minor());
      out.writeUTF(item.signed().currencyCode());
      out.writeBoolean(item.booking());
      out.writeUTF(item.sourceId());
      out.writeBoolean(item.duplicate());
      out.writeBoolean(item.incomingPayment());
    }
    out.writeInt(state.acknowledged().size());
    for (var entry : state.acknowledged().entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeLong(entry.getValue());
    }
    writeDate(out, state.businessDate());
    out.writeBoolean(state.dateFromStatement());
    writeNullable(out, state.provider());
    writeNullable(out, state.lastLineId());
    writeNullable(out, state.lastStatementId());
    writeNullable(out, state.lastStatementReference());
    writeNullable(out, state.lastEntryId());
    out.writeLong(state.deadlineMs());
    out.writeByte(state.deadlineKind().ordinal());
    out.writeInt(state.breakSeq());
    out.writeLong(state.emissions());
    out.writeBoolean(state.matched());
    out.writeBoolean(state.openBreak() != null);
    if (state.openBreak() != null) {
      writeBreak(out, state.openBreak());
    }
    out.writeInt(state.openDuplicates().size());
    for (MatchUnit.OpenBreak duplicate : state.openDuplicates()) {
      writeBreak(out, duplicate);
    }
    writeNullable(out, state.ledgerTraceId());
  }

  private static MatchUnit read(DataInput in, byte version) throws IOException {
    String reference = in.readUTF();
    int itemCount = in.readInt();
    List<MatchUnit.Item> items = new ArrayList<>(itemCount);
    for (int i = 0; i < itemCount; i++) {
      String identity = in.readUTF();
      boolean statement = in.readBoolean();
      Money signed = Money.of(in.readLong(), in.readUTF());
      boolean booking = in.readBoolean();
      String sourceId = in.readUTF();
      boolean duplicate = in.readBoolean();
      boolean incomingPayment = version >= 2 ? in.readBoolean() : statement && signed.minor() > 0;
      items.add(
          new MatchUnit.Item(
              identity, statement, signed, booking, sourceId, duplicate, incomingPayment));
    }
    int acknowledgedCount = in.readInt();
    Map<String, Long> acknowledged = new TreeMap<>();
    for (int i = 0; i < acknowledgedCount; i++) {
      acknowledged.put(in.readUTF(), in.readLong());
    }
    LocalDate businessDate = readDate(in);
    boolean dateFromStatement = in.readBoolean();
    String provider = readNullable(in);
    String lastLineId = readNullable(in);
    String lastStatementId = version >= 2 ? readNullable(in) : null;
    String lastStatementReference = version >= 2 ? readNullable(in) : null;
    String lastEntryId = readNullable(in);
    long deadlineMs = in.readLong();
    MatchUnit.DeadlineKind deadlineKind = MatchUnit.DeadlineKind.values()[in.readByte()];
    int breakSeq = in.readInt();
    long emissions = in.readLong();
    boolean matched = in.readBoolean();
    MatchUnit.OpenBreak openBreak = in.readBoolean() ? readBreak(in) : null;
    int duplicateCount = in.readInt();
    List<MatchUnit.OpenBreak> duplicates = new ArrayList<>(duplicateCount);
    for (int i = 0; i < duplicateCount; i++) {
      duplicates.add(readBreak(in));
    }
    String ledgerTraceId = version >= 3 ? readNullable(in) : null;
    return MatchUnit.restore(
        new MatchUnit.Snapshot(
            reference,
            items,
            acknowledged,
            businessDate,
            dateFromStatement,
            provider,
            lastLineId,
            lastStatementId,
            lastStatementReference,
            lastEntryId,
            ledgerTraceId,
            deadlineMs,
            deadlineKind,
            breakSeq,
            emissions,
            matched,
            openBreak,
            duplicates));
  }

  private static void writeBreak(DataOutput out, MatchUnit.OpenBreak open) throws IOException {
    out.writeUTF(open.breakId());
    out.writeByte(open.outcome().ordinal());
    writeDate(out, open.businessDate());
    out.writeInt(open.legs().size());
    for (Leg leg : open.legs()) {
      out.writeUTF(leg.currencyCode());
      writeNullable(out, leg.statementMinor());
      writeNullable(out, leg.internalMinor());
    }
  }

  private static MatchUnit.OpenBreak readBreak(DataInput in) throws IOException {
    String breakId = in.readUTF();
    Outcome outcome = Outcome.values()[in.readByte()];
    LocalDate date = readDate(in);
    int count = in.readInt();
    List<Leg> legs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      legs.add(Leg.of(in.readUTF(), readNullableLong(in), readNullableLong(in)));
    }
    return new MatchUnit.OpenBreak(breakId, outcome, date, legs);
  }

  private static void writeDate(DataOutput out, LocalDate date) throws IOException {
    out.writeBoolean(date != null);
    if (date != null) {
      out.writeLong(date.toEpochDay());
    }
  }

  private static LocalDate readDate(DataInput in) throws IOException {
    return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
  }

  private static void writeNullable(DataOutput out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static void writeNullable(DataOutput out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  private static Long readNullableLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
