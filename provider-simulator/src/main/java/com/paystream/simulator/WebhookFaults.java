package com.paystream.simulator;

import java.time.Duration;

/**
 * How badly the simulated provider delivers webhooks: the share of webhooks dropped, sent twice,
 * held back to be sent after the next one (reordered), and delayed by a random time up to {@code
 * maxDelay}. Each rate is between 0 and 1; each webhook is decided on independently, from the
 * simulator's seeded random.
 *
 * <p>A held (reordered) webhook is sent right after the next webhook, or after {@code maxDelay}
 * (two seconds when that is zero) when no next webhook comes; it is never lost.
 *
 * @param dropRate share of webhooks never sent
 * @param duplicateRate share of webhooks sent twice, as two deliveries of the same event
 * @param reorderRate share of webhooks held back and sent after the next one
 * @param delayRate share of webhooks whose sends wait a random time up to {@code maxDelay}
 * @param maxDelay the longest random delay, and how long a held webhook waits for a next one
 */
public record WebhookFaults(
    double dropRate,
    double duplicateRate,
    double reorderRate,
    double delayRate,
    Duration maxDelay) {

  public static final WebhookFaults NONE = new WebhookFaults(0, 0, 0, 0, Duration.ZERO);

  public WebhookFaults {
    for (double rate : new double[] {dropRate, duplicateRate, reorderRate, delayRate}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("rates are between 0 and 1, not " + rate);
      }
    }
    if (maxDelay == null || maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay is zero or positive");
    }
  }

  /**
   * Every webhook delayed at random up to {@code maxDelay} (none when it is zero), as before {@code
   * delayRate} existed.
   */
  public WebhookFaults(
      double dropRate, double duplicateRate, double reorderRate, Duration maxDelay) {
    this(dropRate, duplicateRate, reorderRate, delayRate(maxDelay), maxDelay);
  }

  private static double delayRate(Duration maxDelay) {
    return maxDelay != null && !maxDelay.isZero() && !maxDelay.isNegative() ? 1 : 0;
  }
}
