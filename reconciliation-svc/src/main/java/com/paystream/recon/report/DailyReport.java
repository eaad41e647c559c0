package com.paystream.recon.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Reconciliation of one business date in one currency, as of {@code generatedAt}. Amounts are minor
 * units.
 *
 * @param outcomes per outcome: for MATCHED and BOOKED the agreements and their amount; for a break
 *     outcome the break legs of that date (open or resolved) and what was at stake in them
 * @param openBreaks break legs of this date still open
 * @param moneyAtRiskMinor what is at stake in them
 * @param trigger why it was produced: SCHEDULE, STATEMENT or ON_DEMAND
 */
public record DailyReport(
    LocalDate businessDate,
    String currency,
    Instant generatedAt,
    String trigger,
    Map<String, Figures> outcomes,
    long openBreaks,
    long moneyAtRiskMinor) {

  public DailyReport {
    outcomes = Map.copyOf(outcomes);
  }

  /** How many, and how much. */
  public record Figures(long count, long amountMinor) {

    Figures plus(long count, long amountMinor) {
      return new Figures(
          Math.addExact(this.count, count), Math.addExact(this.amountMinor, amountMinor));
    }
  }

  /** The message key on the reports topic. */
  public String key() {
    return businessDate + "|" + currency;
  }
}
