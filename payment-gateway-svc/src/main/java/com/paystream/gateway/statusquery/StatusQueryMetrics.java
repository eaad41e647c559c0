package com.paystream.gateway.statusquery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code paystream_status_queries_sent_total{provider,reason}}, {@code
 * paystream_status_queries_outcomes_total{provider,outcome}}, {@code
 * paystream_status_queries_recovered_total{provider,status}} (payments an answer moved out of
 * CREATED/PENDING, or created: what would have been lost orders) and {@code
 * paystream_status_queries_lost_order_triggers_total{result}}.
 */
public final class StatusQueryMetrics {

  private final MeterRegistry registry;

  public StatusQueryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void sent(String provider, DueQuery.QueryReason reason) {
    Counter.builder("paystream.status.queries.sent")
        .description("Status queries sent to providers")
        .tag("provider", provider)
        .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry)
        .increment();
  }

  void outcome(String provider, QueryOutcome outcome) {
    Counter.builder("paystream.status.queries.outcomes")
        .description("What due status queries came to")
        .tag("provider", provider)
        .tag("outcome", outcome.tag())
        .register(registry)
        .increment();
  }

  void recovered(String provider, String status) {
    Counter.builder("paystream.status.queries.recovered")
        .description("Payments whose outcome was learnt by asking the provider")
        .tag("provider", provider)
        .tag("status", status)
        .register(registry)
        .increment();
  }

  /** result: scheduled, repeated (same trigger event again), ignored, skipped. */
  public void lostOrderTrigger(String result) {
    Counter.builder("paystream.status.queries.lost.order.triggers")
        .description("recon.results.v1 records seen by the status query trigger")
        .tag("result", result)
        .register(registry)
        .increment();
  }
}
