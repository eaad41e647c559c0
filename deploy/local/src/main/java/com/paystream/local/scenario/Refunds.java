package com.paystream.local.scenario;

import com.paystream.local.scenario.DayPlan.Sale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Refunds: merchants refund what the plan says, for payments they saw succeed. */
final class Refunds {

  private final ScenarioRun run;

  Refunds(ScenarioRun run) {
    this.run = run;
  }

  /**
   * @param unannounced the payments whose webhook never reached the gateway
   * @return how many refunds the gateway accepted
   */
  int refund(DayPlan plan, Set<String> unannounced) {
    List<Sale> refunds =
        plan.refunded().stream()
            .filter(sale -> !unannounced.contains(run.id(sale)))
            .filter(sale -> run.books().isBooked(run.id(sale)))
            .toList();
    AtomicInteger done = new AtomicInteger();
    run.progress()
        .phase(
            "refunds", () -> String.format("%d/%d refunds accepted", done.get(), refunds.size()));
    for (Sale sale : refunds) {
      String paymentId = run.id(sale);
      run.api()
          .postJson(
              run.services().gateway() + "/v1/payments/" + paymentId + "/refunds",
              Map.of(
                  "authorization", "Bearer " + sale.merchant().apiKey(),
                  "idempotency-key", "refund-" + paymentId),
              Map.of(
                  "amount_minor",
                  sale.refundMinor(),
                  "currency",
                  sale.currency(),
                  "reason",
                  "customer returned the goods"))
          .expect("refunding " + paymentId, 200, 201);
      run.refunded(paymentId);
      done.incrementAndGet();
    }
    run.progress()
        .done(
            String.format(
                "%d refunds accepted by the provider and the gateway (%d in full)",
                refunds.size(),
                refunds.stream().filter(sale -> sale.refundMinor() == sale.amountMinor()).count()));
    return refunds.size();
  }
}
