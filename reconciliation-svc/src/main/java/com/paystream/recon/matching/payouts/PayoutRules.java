package com.paystream.recon.matching.payouts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The second leg's rules.
 *
 * @param toleranceMinor |bank - payout net| (leg A) or |payout lines - clearing| (leg B) at or
 *     below this many minor units counts as equal; the difference of a payout is booked as fee
 * @param toleranceByCurrency per-currency tolerances overriding {@code toleranceMinor}
 * @param arrivalWindow the bank line of a payout may be booked up to this many days after the value
 *     date the provider gave (whole days)
 * @param statementCutoff the bank statement of a date is due this long after the date ended
 * @param notPaidOutAfter a payment booked on provider clearing that no payout contained this long
 *     after the end of its booking date is NOT_PAID_OUT
 * @param unknownLineGrace a payout line waits this long for the payment's booking
 * @param zone the zone business dates are days in
 * @param retention a unit with nothing open is forgotten this long after its last change
 */
public record PayoutRules(
    long toleranceMinor,
    Map<String, Long> toleranceByCurrency,
    Duration arrivalWindow,
    Duration statementCutoff,
    Duration notPaidOutAfter,
    Duration unknownLineGrace,
    ZoneId zone,
    Duration retention) {

  public PayoutRules {
    toleranceByCurrency = Map.copyOf(toleranceByCurrency);
    Objects.requireNonNull(arrivalWindow, "arrivalWindow");
    Objects.requireNonNull(statementCutoff, "statementCutoff");
    Objects.requireNonNull(notPaidOutAfter, "notPaidOutAfter");
    Objects.requireNonNull(unknownLineGrace, "unknownLineGrace");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(retention, "retention");
    if (toleranceMinor < 0 || toleranceByCurrency.values().stream().anyMatch(t -> t < 0)) {
      throw new IllegalArgumentException("payout tolerances must be >= 0");
    }
  }

  /** Default arrival window: the bank books a payout at most a day after its value date. */
  public static final Duration DEFAULT_ARRIVAL_WINDOW = Duration.ofDays(1);

  /** Default: a booked payment is owed its payout three days after its booking date ended. */
  public static final Duration DEFAULT_NOT_PAID_OUT_AFTER = Duration.ofDays(3);

  /** Default: a payout line waits an hour for the payment's booking. */
  public static final Duration DEFAULT_UNKNOWN_LINE_GRACE = Duration.ofHours(1);

  /** The defaults of {@code paystream.recon.payouts.*}, with the first leg's cutoff and zone. */
  public static PayoutRules defaults(ZoneId zone, Duration statementCutoff, Duration retention) {
    return new PayoutRules(
        0,
        Map.of(),
        DEFAULT_ARRIVAL_WINDOW,
        statementCutoff,
        DEFAULT_NOT_PAID_OUT_AFTER,
        DEFAULT_UNKNOWN_LINE_GRACE,
        zone,
        retention);
  }

  long tolerance(String currency) {
    return toleranceByCurrency.getOrDefault(currency, toleranceMinor);
  }

  boolean withinTolerance(String currency, long difference) {
    return Math.abs(difference) <= tolerance(currency);
  }

  /** The last booking date of the window a payout of {@code valueDate} is due in. */
  LocalDate windowEnd(LocalDate valueDate) {
    return valueDate.plusDays(arrivalWindow.toDays());
  }

  /** When a payout of {@code valueDate} with no bank line is missing: its last day's statement. */
  long missingDeadline(LocalDate valueDate, long nowMs) {
    long due =
        windowEnd(valueDate)
            .plusDays(1)
            .atStartOfDay(zone)
            .plus(statementCutoff)
            .toInstant()
            .toEpochMilli();
    return Math.max(due, nowMs);
  }

  /** When a payment booked on {@code effectiveDate} that no payout contained is not paid out. */
  long notPaidOutDeadline(LocalDate effectiveDate, long nowMs) {
    long due =
        effectiveDate
            .plusDays(1)
            .atStartOfDay(zone)
            .plus(notPaidOutAfter)
            .toInstant()
            .toEpochMilli();
    return Math.max(due, nowMs);
  }

  long unknownLineDeadline(long nowMs) {
    return nowMs + unknownLineGrace.toMillis();
  }

  long forgetAt(long nowMs) {
    return nowMs + retention.toMillis();
  }
}
