package com.paystream.ledger.payments;

import com.paystream.platform.money.FeeSchedule;
import java.util.Map;
import java.util.Objects;

/**
 * Which fee schedule applies to a merchant: its own when configured, otherwise the default. The
 * rounding rule is {@link FeeSchedule}'s: percentage half-up to the minor unit, plus the fixed
 * part, never more than the amount.
 */
public record FeePolicy(FeeSchedule defaultSchedule, Map<String, FeeSchedule> perMerchant) {

  public FeePolicy {
    Objects.requireNonNull(defaultSchedule, "defaultSchedule");
    perMerchant = Map.copyOf(perMerchant);
  }

  public static FeePolicy flat(FeeSchedule schedule) {
    return new FeePolicy(schedule, Map.of());
  }

  public FeeSchedule scheduleFor(String merchantId) {
    return perMerchant.getOrDefault(merchantId, defaultSchedule);
  }
}
