package com.paystream.local.scenario;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.scenario.DayPlan.Sale;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.WebhookStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Trading: merchants create the day's payments through the payments API, customers pay them (or
 * fail to) at the provider, and the provider's webhooks, dropped, duplicated, delayed and reordered
 * as the faults say, reach the gateway or are given up.
 */
final class Trading {

  private final ScenarioRun run;
  private final ProviderSimulator provider;
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicInteger paid = new AtomicInteger();

  Trading(ScenarioRun run) {
    this.run = run;
    this.provider = run.provider();
  }

  /**
   * @param runId tells this run's orders and idempotency keys apart from earlier runs'
   */
  void trade(DayPlan plan, String runId) {
    run.progress()
        .phase(
            "trading",
            () ->
                String.format(
                    "%d/%d payments created, %d paid at the provider | %s",
                    created.get(), plan.sales().size(), paid.get(), webhooks(provider.stats())));
    java.time.Instant start = java.time.Instant.now();
    Duration spacing = run.settings().tradingTime().dividedBy(Math.max(1, plan.sales().size()));
    run.workers()
        .inParallel(
            plan.sales(),
            sale -> {
              // Spread over the trading time: sale n starts no earlier than n spacings in.
              Pause.of(
                  Duration.between(
                      java.time.Instant.now(), start.plus(spacing.multipliedBy(sale.number()))));
              sell(sale, runId);
            });
    run.progress()
        .done(
            String.format(
                "%d payments created by %d merchants in %s, %d paid, %d failed at the provider",
                plan.sales().size(),
                DemoProvider.MERCHANTS.size(),
                String.join("/", DayPlan.CURRENCIES),
                plan.succeeded().size(),
                plan.sales().size() - plan.succeeded().size()));
  }

  /** A merchant creates the payment, the customer pays it (or fails to) at the provider. */
  private void sell(Sale sale, String runId) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("amount_minor", sale.amountMinor());
    order.put("currency", sale.currency());
    order.put("reference", "order-" + runId + "-" + sale.number());
    JsonNode payment =
        run.api()
            .postJson(
                run.services().gateway() + "/v1/payments",
                Map.of(
                    "authorization", "Bearer " + sale.merchant().apiKey(),
                    "idempotency-key", "day-" + runId + "-" + sale.number()),
                order)
            .expect("creating payment " + sale.number(), 200, 201)
            .json();
    String paymentId = payment.path("payment_id").asString();
    run.created(sale, paymentId);
    created.incrementAndGet();
    var settled =
        !sale.succeeds()
            ? provider.settle(paymentId, "FAILED")
            : sale.tipMinor() > 0
                ? provider.settle(paymentId, "SUCCEEDED", sale.capturedMinor())
                : provider.settle(paymentId, "SUCCEEDED");
    settled.block(ServiceApi.RESTART_WINDOW);
    paid.incrementAndGet();
  }

  /** Held-back, delayed and retried webhooks all reach the gateway or are given up. */
  void awaitWebhooks() {
    run.progress().phase("webhooks", () -> webhooks(provider.stats()));
    if (!Pause.until(
        ServiceApi.RESTART_WINDOW, ScenarioRun.POLL, () -> provider.stats().inFlight() == 0)) {
      throw new ScenarioFailure("webhooks still in flight: " + provider.stats());
    }
    WebhookStats stats = provider.stats();
    run.progress().done(webhooks(stats));
  }

  private static String webhooks(WebhookStats stats) {
    return String.format(
        "webhooks: %d acknowledged, %d duplicated, %d dropped, %d delayed, %d reordered,"
            + " %d retried, %d undelivered, %d in flight",
        stats.delivered(),
        stats.duplicatesSent(),
        stats.dropped(),
        stats.delayed(),
        stats.reordered(),
        stats.retries(),
        stats.undelivered(),
        stats.inFlight());
  }
}
