package com.paystream.recon.matching.internal;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an {@link InternalUnit} in its state store and changelog; the leading version
 * byte lets a later release read what an earlier one wrote.
 */
public final class InternalUnitCodec {

  // 2 adds the payment's trace id (tracing); 1 is still read, without one.
  private static final byte VERSION = 2;

  private InternalUnitCodec() {}

  public static byte[] encode(InternalUnit unit) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(unit.paymentId);
      out.writeInt(unit.callbacks.size());
      for (InternalUnit.Callback c : unit.callbacks.values()) {
        out.writeUTF(c.callbackId());
        out.writeLong(c.amount().minor());
        out.writeUTF(c.amount().currencyCode());
      }
      out.writeInt(unit.entries.size());
      for (InternalUnit.Entry e : unit.entries.values()) {
        out.writeUTF(e.entryId());
        out.writeUTF(e.sourceEventId());
        out.writeLong(e.amount().minor());
        out.writeUTF(e.amount().currencyCode());
      }
      out.writeLong(unit.businessDate == null ? Long.MIN_VALUE : unit.businessDate.toEpochDay());
      out.writeBoolean(unit.dateFromEntry);
      writeNullable(out, unit.provider);
      writeNullable(out, unit.lastCallbackId);
      writeNullable(out, unit.lastEntryId);
      out.writeLong(unit.deadlineMs);
      out.writeByte(unit.deadlineKind.ordinal());
      out.writeInt(unit.breakSeq);
      out.writeLong(unit.emissions);
      out.writeBoolean(unit.booked);
      out.writeBoolean(unit.accepted);
      out.writeBoolean(unit.openBreak != null);
      if (unit.openBreak != null) {
        InternalUnit.OpenBreak b = unit.openBreak;
        out.writeUTF(b.breakId());
        out.writeByte(b.outcome().ordinal());
        out.writeLong(b.businessDate().toEpochDay());
        out.writeInt(b.legs().size());
        for (Leg leg : b.legs()) {
          out.writeUTF(leg.currencyCode());
          writeNullable(out, leg.statementMinor());
          writeNullable(out, leg.internalMinor());
        }
      }
      writeNullable(out, unit.traceId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static InternalUnit decode(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new IllegalStateException("unknown internal unit encoding version " + version);
      }
      InternalUnit unit = new InternalUnit(in.readUTF());
      int callbacks = in.readInt();
      for (int i = 0; i < callbacks; i++) {
        var c = new InternalUnit.Callback(in.readUTF(), Money.of(in.readLong(), in.readUTF()));
        unit.callbacks.put(c.callbackId(), c);
      }
      int entries = in.readInt();
      for (int i = 0; i < entries; i++) {
        var e =
            new InternalUnit.Entry(
                in.readUTF(), in.readUTF(), Money.of(in.readLong(), in.readUTF()));
        unit.entries.put(e.entryId(), e);
      }
      long day = in.readLong();
      unit.businessDate = day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
      unit.dateFromEntry = in.readBoolean();
      unit.provider = readNullable(in);
      unit.lastCallbackId = readNullable(in);
      unit.lastEntryId = readNullable(in);
      unit.deadlineMs = in.readLong();
      unit.deadlineKind = InternalUnit.DeadlineKind.values()[in.readByte()];
      unit.breakSeq = in.readInt();
      unit.emissions = in.readLong();
      unit.booked = in.readBoolean();
      unit.accepted = in.readBoolean();
      if (in.readBoolean()) {
        String breakId = in.readUTF();
        Outcome outcome = Outcome.values()[in.readByte()];
        LocalDate date = LocalDate.ofEpochDay(in.readLong());
        int n = in.readInt();
        List<Leg> legs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          legs.add(Leg.of(in.readUTF(), readNullableLong(in), readNullableLong(in)));
        }
        unit.openBreak = new InternalUnit.OpenBreak(breakId, outcome, date, legs);
      }
      unit.traceId = version >= 2 ? readNullable(in) : null;
      return unit;
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt internal unit", e);
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static void writeNullable(DataOutputStream out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static Long readNullableLong(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
