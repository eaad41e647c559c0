package com.paystream.simulator;

import java.time.Duration;

/**
 * How badly the simulated provider delivers webhooks: the share of webhooks dropped, sent twice,
 * and held back to be sent after the next one (reordered), and the longest random delay.
 */
public record WebhookFaults(
    double dropRate, double duplicateRate, double reorderRate, Duration maxDelay) {

  public static final WebhookFaults NONE = new WebhookFaults(0, 0, 0, Duration.ZERO);

  public WebhookFaults {
    for (double rate : new double[] {dropRate, duplicateRate, reorderRate}) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rates are between 0 and 1");
      }
    }
  }
}
