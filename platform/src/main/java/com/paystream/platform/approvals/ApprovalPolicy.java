package com.paystream.platform.approvals;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Which actions need a second operator, from what amount, and how long a request waits. An action
 * not listed needs none; a threshold of 0 means every request of that action needs one.
 *
 * <pre>
 * paystream.approvals.expire-after=24h
 * paystream.approvals.thresholds-minor.payment.amend=0
 * paystream.approvals.thresholds-minor.break.resolve=10000
 * </pre>
 */
public record ApprovalPolicy(Duration expireAfter, Map<String, Long> thresholdsMinor) {

  public ApprovalPolicy {
    Objects.requireNonNull(expireAfter, "expireAfter");
    thresholdsMinor = Map.copyOf(thresholdsMinor);
    if (expireAfter.isNegative() || expireAfter.isZero()) {
      throw new IllegalArgumentException("requests must be given time to be approved");
    }
  }

  /**
   * Whether {@code action} for {@code amountMinor} (absolute; 0 when there is none) needs four
   * eyes.
   */
  public boolean needsSecondOperator(String action, long amountMinor) {
    Long threshold = thresholdsMinor.get(action);
    return threshold != null && Math.abs(amountMinor) >= threshold;
  }
}
