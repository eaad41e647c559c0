package com.paystream.ledger.payouts;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of payouts: from which amount a payout needs a second operator (per currency, else the
 * default: strictly above it), the limits per merchant (per payout and per business day, each
 * currency counted apart, in its minor units; a merchant without its own limits has the default
 * ones), and how long a payout's hold waits for the bank before the system releases it (none: it
 * waits).
 */
public record PayoutPolicy(
    long fourEyesAboveMinor,
    Map<String, Long> fourEyesAboveMinorPerCurrency,
    Limits defaultLimits,
    Map<String, Limits> merchantLimits,
    Optional<Duration> holdExpiresAfter) {

  /**
   * {@code maxPerPayoutMinor} and {@code maxPerDayMinor}, in minor units of the payout's currency.
   */
  public record Limits(long maxPerPayoutMinor, long maxPerDayMinor) {
    public Limits {
      if (maxPerPayoutMinor <= 0 || maxPerDayMinor <= 0) {
        throw new IllegalArgumentException("payout limits must be positive");
      }
    }
  }

  public PayoutPolicy {
    fourEyesAboveMinorPerCurrency = Map.copyOf(fourEyesAboveMinorPerCurrency);
    Objects.requireNonNull(defaultLimits, "defaultLimits");
    merchantLimits = Map.copyOf(merchantLimits);
    Objects.requireNonNull(holdExpiresAfter, "holdExpiresAfter");
  }

  public boolean needsSecondOperator(long amountMinor, String currency) {
    return amountMinor > fourEyesAboveMinorPerCurrency.getOrDefault(currency, fourEyesAboveMinor);
  }

  public Limits limitsOf(String merchantId) {
    return merchantLimits.getOrDefault(merchantId, defaultLimits);
  }
}
