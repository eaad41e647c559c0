package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Builders of arrivals for tests, and the time and rules they are judged at. */
final class Lines {

  static final LocalDate DAY = LocalDate.of(2025, 3, 14);

  /** The wall-clock time of the tests: the morning after {@link #DAY}. */
  static final long T0 = Instant.parse("2025-03-15T07:00:00Z").toEpochMilli();

  /** A 30-minute lost-order grace, statements due by 06:00 plus 2 hours, no tolerance, UTC. */
  static final MatchRules RULES =
      new MatchRules(
          Duration.ofMinutes(30),
          Duration.ofHours(6),
          Duration.ofHours(2),
          0,
          ZoneOffset.UTC,
          Duration.ofDays(35));

  private Lines() {}

  static StatementArrival credit(String ref, String lineId, long minor, String currency) {
    return statement(ref, "STMT-1", lineId, Direction.CREDIT, minor, currency, DAY);
  }

  static StatementArrival statement(
      String ref,
      String statementId,
      String lineId,
      Direction direction,
      long minor,
      String currency,
      LocalDate bookingDate) {
    StatementKind kind =
        direction == Direction.CREDIT ? StatementKind.PAYMENT : StatementKind.REFUND;
    return statement(ref, kind, statementId, lineId, direction, minor, currency, bookingDate);
  }

  static StatementArrival statement(
      String ref,
      StatementKind kind,
      String statementId,
      String lineId,
      Direction direction,
      long minor,
      String currency,
      LocalDate bookingDate) {
    return new StatementArrival(
        ref,
        ref,
        kind,
        statementId,
        lineId,
        direction,
        Money.of(minor, currency),
        bookingDate,
        "simulator",
        "evt-s-" + lineId,
        "trace-s");
  }

  static LedgerArrival payment(String ref, String entryId, long sequence, long minor, String ccy) {
    return ledger(ref, entryId, sequence, true, Direction.DEBIT, minor, ccy, DAY);
  }

  static LedgerArrival ledger(
      String ref,
      String entryId,
      long sequence,
      boolean booking,
      Direction side,
      long minor,
      String currency,
      LocalDate effectiveDate) {
    return new LedgerArrival(
        ref,
        "acct-clearing-" + currency,
        sequence,
        entryId,
        booking,
        side,
        Money.of(minor, currency),
        effectiveDate,
        "simulator",
        "evt-l-" + sequence,
        "trace-l");
  }
}
