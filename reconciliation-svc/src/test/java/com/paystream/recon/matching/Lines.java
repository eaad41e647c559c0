package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.time.LocalDate;

/** Builders of arrivals for tests. */
final class Lines {

  static final LocalDate DAY = LocalDate.of(2025, 3, 14);

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
    return new StatementArrival(
        ref,
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
