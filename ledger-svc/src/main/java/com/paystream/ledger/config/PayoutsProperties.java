package com.paystream.ledger.config;

import com.paystream.ledger.payouts.PayoutPolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code paystream.ledger.payouts.*}: merchant payouts. {@code four-eyes-above-minor}: a payout
 * strictly above it needs a second operator; {@code default} for every currency, a currency code
 * (e.g. {@code EUR}) for that currency alone (unset: every payout needs one). {@code
 * limits.default} and {@code limits.merchants.<merchantId>}: {@code max-per-payout-minor} and
 * {@code max-per-day-minor} (per business day and currency, in its minor units). {@code
 * hold-expires-after}: how long a payout's hold waits for the bank's confirmation before the system
 * releases it (unset: it waits until the bank answers).
 */
@ConfigurationProperties("paystream.ledger.payouts")
public record PayoutsProperties(
    Map<String, Long> fourEyesAboveMinor, @DefaultValue Limits limits, Duration holdExpiresAfter) {

  /** One set of limits. */
  public record Limit(
      @DefaultValue("1000000") long maxPerPayoutMinor,
      @DefaultValue("5000000") long maxPerDayMinor) {

    PayoutPolicy.Limits limits() {
      return new PayoutPolicy.Limits(maxPerPayoutMinor, maxPerDayMinor);
    }
  }

  /** The default limits and the merchants with their own. */
  public record Limits(
      @Name("default") @DefaultValue Limit defaultLimit, Map<String, Limit> merchants) {}

  public PayoutPolicy policy() {
    Map<String, Long> thresholds =
        new HashMap<>(fourEyesAboveMinor == null ? Map.of() : fourEyesAboveMinor);
    Long fallback = thresholds.remove("default");
    Map<String, PayoutPolicy.Limits> perMerchant = new HashMap<>();
    if (limits.merchants() != null) {
      limits.merchants().forEach((merchant, limit) -> perMerchant.put(merchant, limit.limits()));
    }
    return new PayoutPolicy(
        fallback == null ? 0 : fallback,
        thresholds,
        limits.defaultLimit().limits(),
        perMerchant,
        Optional.ofNullable(holdExpiresAfter).filter(d -> !d.isZero()));
  }
}
