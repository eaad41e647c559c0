package com.paystream.gateway.statusquery;

import com.paystream.platform.ids.PaymentId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A lost order reported by reconciliation (money on the statement, no booking) makes the payment's
 * status query due at once, whatever its schedule said, and wakes the poller. Durable (the schedule
 * row) and idempotent (the same trigger event twice changes nothing), so the consumer may
 * redeliver.
 */
public final class LostOrders {

  private static final Logger log = LoggerFactory.getLogger(LostOrders.class);

  /** What a trigger did. */
  public enum Triggered {
    SCHEDULED,
    REPEATED
  }

  private final ScheduleStore store;
  private final StatusQueryPoller poller;
  private final StatusQueryMetrics metrics;
  private final Clock clock;

  public LostOrders(
      ScheduleStore store, StatusQueryPoller poller, StatusQueryMetrics metrics, Clock clock) {
    this.store = store;
    this.poller = poller;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Mono<Triggered> lostOrder(
      PaymentId paymentId, Optional<String> provider, String triggerEventId) {
    return store
        .requestNow(paymentId.value(), provider, triggerEventId, clock.instant())
        .map(
            changed -> {
              if (!changed) {
                metrics.lostOrderTrigger("repeated");
                return Triggered.REPEATED;
              }
              metrics.lostOrderTrigger("scheduled");
              log.info(
                  "Lost order reported for payment {} (event {}); status query due now",
                  paymentId,
                  triggerEventId);
              poller.wake();
              return Triggered.SCHEDULED;
            });
  }
}
