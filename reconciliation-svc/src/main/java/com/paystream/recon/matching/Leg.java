package com.paystream.recon.matching;

import java.util.Objects;

/**
 * The amounts of a result in one currency: net statement and net ledger amount in minor units
 * (positive: money towards us), {@code null} for a side that has no line at all.
 */
public record Leg(String currency, Long statementMinor, Long internalMinor) {

  public Leg {
    Objects.requireNonNull(currency, "currency");
  }

  /** What is at stake while the break is open: the difference, or the amount of the one side. */
  public long atRiskMinor() {
    long statement = statementMinor == null ? 0 : statementMinor;
    long internal = internalMinor == null ? 0 : internalMinor;
    return Math.abs(Math.subtractExact(statement, internal));
  }
}
