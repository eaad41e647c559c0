package com.paystream.platform.outbox;

import java.time.Duration;
import java.util.List;

/**
 * What happens to a row after it was published. A service whose consumers confirm (the callback
 * relay) re-publishes until confirmed; a service that only needs "at least once on the topic" (the
 * ledger) publishes once.
 */
public sealed interface DeliveryPolicy {

  /** Publish once; the row is done when the broker acknowledged it. */
  static DeliveryPolicy publishOnce() {
    return new PublishOnce();
  }

  /**
   * Publish, then re-publish after each wait in {@code waits} until someone marks the row
   * CONFIRMED; when the last wait passes unconfirmed the row is exhausted (dead-lettered). With
   * waits [1m, 5m] a row is published at t, t+1m, and exhausted at t+1m+5m.
   */
  static DeliveryPolicy redeliverUntilConfirmed(List<Duration> waits) {
    return new RedeliverUntilConfirmed(List.copyOf(waits));
  }

  record PublishOnce() implements DeliveryPolicy {}

  record RedeliverUntilConfirmed(List<Duration> waits) implements DeliveryPolicy {
    public RedeliverUntilConfirmed {
      if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
        throw new IllegalArgumentException("re-delivery waits must be positive: " + waits);
      }
    }

    /** How long to wait for a confirmation after the given (1-based) publication. */
    Duration waitAfter(int publication) {
      return waits.get(Math.min(publication, waits.size()) - 1);
    }

    /** True when a due row was already published as often as the schedule allows. */
    boolean exhausted(int publications) {
      return publications >= waits.size();
    }
  }
}
