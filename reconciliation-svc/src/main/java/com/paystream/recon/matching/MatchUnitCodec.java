package com.paystream.recon.matching;

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
 * The binary form of a {@link MatchUnit} in the state store and its changelog. Compact and fast
 * (the matcher reads and writes one per record); the leading version byte lets a later release read
 * what an earlier one wrote.
 */
public final class MatchUnitCodec {

  private static final byte VERSION = 1;

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
      if (version != VERSION) {
        throw new IllegalStateException("unknown match unit encoding version " + version);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt match unit", e);
    }
  }

  private static void write(MatchUnit unit, DataOutput out) throws IOException {
    out.writeByte(VERSION);
    out.writeUTF(unit.reference);
    out.writeInt(unit.items.size());
    for (MatchUnit.Item item : unit.items) {
      out.writeUTF(item.identity());
      out.writeBoolean(item.statement());
      out.writeLong(item.signedMinor());
      out.writeUTF(item.currency());
      out.writeBoolean(item.booking());
      out.writeUTF(item.sourceId());
      out.writeBoolean(item.duplicate());
    }
    out.writeInt(unit.acknowledged.size());
    for (var entry : unit.acknowledged.entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeLong(entry.getValue());
    }
    writeDate(out, unit.businessDate);
    out.writeBoolean(unit.dateFromStatement);
    writeNullable(out, unit.provider);
    writeNullable(out, unit.lastLineId);
    writeNullable(out, unit.lastEntryId);
    out.writeLong(unit.deadlineMs);
    out.writeByte(unit.deadlineKind.ordinal());
    out.writeInt(unit.breakSeq);
    out.writeLong(unit.emissions);
    out.writeBoolean(unit.matched);
    out.writeBoolean(unit.openBreak != null);
    if (unit.openBreak != null) {
      writeBreak(out, unit.openBreak);
    }
    out.writeInt(unit.openDuplicates.size());
    for (MatchUnit.OpenBreak duplicate : unit.openDuplicates) {
      writeBreak(out, duplicate);
    }
  }

  private static MatchUnit read(DataInput in) throws IOException {
    MatchUnit unit = new MatchUnit(in.readUTF());
    int items = in.readInt();
    for (int i = 0; i < items; i++) {
      unit.items.add(
          new MatchUnit.Item(
              in.readUTF(),
              in.readBoolean(),
              in.readLong(),
              in.readUTF(),
              in.readBoolean(),
              in.readUTF(),
              in.readBoolean()));
    }
    int acknowledged = in.readInt();
    for (int i = 0; i < acknowledged; i++) {
      unit.acknowledged.put(in.readUTF(), in.readLong());
    }
    unit.businessDate = readDate(in);
    unit.dateFromStatement = in.readBoolean();
    unit.provider = readNullable(in);
    unit.lastLineId = readNullable(in);
    unit.lastEntryId = readNullable(in);
    unit.deadlineMs = in.readLong();
    unit.deadlineKind = MatchUnit.DeadlineKind.values()[in.readByte()];
    unit.breakSeq = in.readInt();
    unit.emissions = in.readLong();
    unit.matched = in.readBoolean();
    if (in.readBoolean()) {
      unit.openBreak = readBreak(in);
    }
    int duplicates = in.readInt();
    for (int i = 0; i < duplicates; i++) {
      unit.openDuplicates.add(readBreak(in));
    }
    return unit;
  }

  private static void writeBreak(DataOutput out, MatchUnit.OpenBreak open) throws IOException {
    out.writeUTF(open.breakId());
    out.writeByte(open.outcome().ordinal());
    writeDate(out, open.businessDate());
    out.writeInt(open.legs().size());
    for (Leg leg : open.legs()) {
      out.writeUTF(leg.currency());
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
      legs.add(new Leg(in.readUTF(), readNullableLong(in), readNullableLong(in)));
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
