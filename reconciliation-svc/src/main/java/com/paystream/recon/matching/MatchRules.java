package com.paystream.recon.matching;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a side is owed its counterpart, and how close amounts must be.
 *
 * @param lostOrderGrace how long a statement line waits for its ledger booking
 * @param statementCutoff how long after the end of business date D its statement is due
 * @param missingGrace how long after that cutoff a ledger booking waits for its statement line
 * @param toleranceMinor the largest difference, in minor units, that still counts as equal
 * @param zone the zone business dates are days in
 * @param matchedRetention how long a matched unit is remembered after its last change
 */
public record MatchRules(
    Duration lostOrderGrace,
    Duration statementCutoff,
    Duration missingGrace,
    long toleranceMinor,
    ZoneId zone,
    Duration matchedRetention) {

  public MatchRules {
    Objects.requireNonNull(lostOrderGrace, "lostOrderGrace");
    Objects.requireNonNull(statementCutoff, "statementCutoff");
    Objects.requireNonNull(missingGrace, "missingGrace");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(matchedRetention, "matchedRetention");
    if (toleranceMinor < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + toleranceMinor);
    }
  }

  /** When a statement line that arrived at {@code nowMs} becomes a lost order. */
  long lostOrderDeadline(long nowMs) {
    return nowMs + lostOrderGrace.toMillis();
  }

  /** When a ledger line of {@code effectiveDate} not in any statement becomes missing. */
  long missingDeadline(LocalDate effectiveDate, long nowMs) {
    long due =
        effectiveDate
            .plusDays(1)
            .atStartOfDay(zone)
            .plus(statementCutoff)
            .plus(missingGrace)
            .toInstant()
            .toEpochMilli();
    return Math.max(due, nowMs);
  }

  long forgetAt(long nowMs) {
    return nowMs + matchedRetention.toMillis();
  }

  boolean equalWithinTolerance(long a, long b) {
    return Math.abs(Math.subtractExact(a, b)) <= toleranceMinor;
  }
}
