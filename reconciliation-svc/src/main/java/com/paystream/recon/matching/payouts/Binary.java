package com.paystream.recon.matching.payouts;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Leg;
import com.paystream.recon.matching.Outcome;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;

/** The pieces the second leg's unit codecs are made of. */
final class Binary {

  private Binary() {}

  static void writeNullable(DataOutput out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static void writeNullable(DataOutput out, Long value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeLong(value);
    }
  }

  static Long readNullableLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  static void writeDate(DataOutput out, LocalDate date) throws IOException {
    out.writeBoolean(date != null);
    if (date != null) {
      out.writeLong(date.toEpochDay());
    }
  }

  static LocalDate readDate(DataInput in) throws IOException {
    return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
  }

  static void writeMoney(DataOutput out, Money money) throws IOException {
    out.writeLong(money.minor());
    out.writeUTF(money.currencyCode());
  }

  static Money readMoney(DataInput in) throws IOException {
    long minor = in.readLong();
    return Money.of(minor, in.readUTF());
  }

  static void writeLeg(DataOutput out, Leg leg) throws IOException {
    out.writeUTF(leg.currencyCode());
    writeNullable(out, leg.statementMinor());
    writeNullable(out, leg.internalMinor());
  }

  static Leg readLeg(DataInput in) throws IOException {
    String currency = in.readUTF();
    Long statement = readNullableLong(in);
    return Leg.of(currency, statement, readNullableLong(in));
  }

  static void writeBreak(DataOutput out, String breakId, Outcome outcome, LocalDate date, Leg leg)
      throws IOException {
    out.writeUTF(breakId);
    // By name, not ordinal: the outcomes of this leg were appended last and may move no more, but
    // a name survives any reordering.
    out.writeUTF(outcome.name());
    writeDate(out, date);
    writeLeg(out, leg);
  }

  /** What {@link #writeBreak} wrote. */
  record Break(String breakId, Outcome outcome, LocalDate businessDate, Leg leg) {}

  static Break readBreak(DataInput in) throws IOException {
    String breakId = in.readUTF();
    Outcome outcome = Outcome.valueOf(in.readUTF());
    LocalDate date = readDate(in);
    return new Break(breakId, outcome, date, readLeg(in));
  }
}
