package com.paystream.gateway.statusquery;

import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.tracing.TraceParent;
import java.time.Clock;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A lost order reported by reconciliation (money on the statement, no booking) makes the payment's
 * status query due at once, whatever its schedule said, and wakes the poller. Durable (the schedule
 * row) and idempotent (the same trigger event twice changes nothing), so the consumer may
 * redeliver. The query continues the trigger's trace (kept on the schedule row) when it runs.
 */
public final class LostOrders {

  /**
   * What a trigger did. The caller logs it, on the thread that holds the result's trace: the
   * database's threads, where the work here continues, do not.
   */
  public enum Triggered {
    SCHEDULED("a lost order: its status query is due now"),
    REPEATED("a lost order already reported: nothing new"),
    /** Not a payment of this gateway: nobody here can ask about it; it stays a break. */
    UNKNOWN_PAYMENT("a lost order that is no payment of this gateway: left to operators"),
    /** The break was resolved or closed: its schedule ended. */
    ENDED("the lost-order break was resolved: its status queries end"),
    /** The break was resolved, but no lost-order schedule was active. */
    NOTHING_TO_END("the lost-order break was resolved: no status queries were due");

    private final String meaning;

    Triggered(String meaning) {
      this.meaning = meaning;
    }

    /** In words, for the log. */
    public String meaning() {
      return meaning;
    }
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

  /**
   * Only payments this gateway has are asked about: a reference that is no payment of ours (a bank
   * reference, an outgoing debit, another system's id) has no provider to ask, and a schedule for
   * it would be claimed and refused forever.
   */
  public Mono<Triggered> lostOrder(
      PaymentId paymentId,
      Optional<String> provider,
      String triggerEventId,
      Optional<TraceParent> trigger) {
    return store
        .knows(paymentId.value())
        .flatMap(
            known -> {
              if (known) {
                return schedule(paymentId, provider, triggerEventId, trigger);
              }
              metrics.lostOrderTrigger("unknown-payment");
              return Mono.just(Triggered.UNKNOWN_PAYMENT);
            });
  }

  /** The lost-order break was resolved or closed: its status queries end. */
  public Mono<Triggered> breakResolved(PaymentId paymentId) {
    return store
        .endLostOrder(paymentId.value(), clock.instant())
        .map(
            ended -> {
              metrics.lostOrderTrigger(ended ? "ended" : "nothing-to-end");
              return ended ? Triggered.ENDED : Triggered.NOTHING_TO_END;
            });
  }

  private Mono<Triggered> schedule(
      PaymentId paymentId,
      Optional<String> provider,
      String triggerEventId,
      Optional<TraceParent> trigger) {
    return store
        .requestNow(paymentId.value(), provider, triggerEventId, trigger, clock.instant())
        .map(
            changed -> {
              if (!changed) {
                metrics.lostOrderTrigger("repeated");
                return Triggered.REPEATED;
              }
              metrics.lostOrderTrigger("scheduled");
              poller.wake();
              return Triggered.SCHEDULED;
            });
  }
}
