package com.paystream.local.scenario;

import com.paystream.local.scenario.DayPlan.Sale;
import java.util.Map;

/**
 * Amendment: the provider captured more than the order (a tip), the gateway flagged the callback's
 * amount and the ledger booked what the provider took; an operator amends the payment to the
 * captured amount, which the ledger books as an amendment (the booking re-stated and the old one
 * mirrored).
 */
final class Amendment {

  private final ScenarioRun run;

  Amendment(ScenarioRun run) {
    this.run = run;
  }

  /**
   * @return the amended payment's id; null when the plan has no tipped payment
   */
  String amend(DayPlan plan) {
    Sale tipped = plan.tipped();
    if (tipped == null) {
      return null;
    }
    String paymentId = run.id(tipped);
    run.progress()
        .phase(
            "amendment",
            () -> "an operator amends " + paymentId + " to what was captured, a second approves");
    ServiceApi.Answer requested =
        run.api()
            .postJson(
                run.services().gateway() + "/v1/payments/" + paymentId + "/amendments",
                Callers.with(Callers.OPERATOR, "idempotency-key", "amend-" + paymentId),
                Map.of(
                    "amount_minor",
                    tipped.capturedMinor(),
                    "currency",
                    tipped.currency(),
                    "status",
                    "SUCCEEDED",
                    "reason",
                    "the provider captured "
                        + tipped.capturedMinor()
                        + " (order "
                        + tipped.amountMinor()
                        + " plus a tip); the payment takes the captured amount"))
            .expect("amending " + paymentId, 200, 202);
    // Four eyes: the first operator asked, the second approves; only then is it booked.
    new SecondOperator(run)
        .approve(run.services().gateway(), requested, "the amendment of " + paymentId)
        .expect("amending " + paymentId, 200);
    run.progress()
        .done(
            String.format(
                "%s amended from %d to %d %s (the captured amount)",
                paymentId, tipped.amountMinor(), tipped.capturedMinor(), tipped.currency()));
    return paymentId;
  }
}
