package com.paystream.local.scenario;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Four eyes in the scenario: what the first operator asked for and the service recorded as a
 * request ({@code 202} with an approval id) is approved by the second operator.
 */
final class SecondOperator {

  private final ScenarioRun run;

  SecondOperator(ScenarioRun run) {
    this.run = run;
  }

  /**
   * Approves the request an answer announces, at {@code serviceUrl}; an answer that already took
   * effect (no four eyes needed) is returned as it is.
   *
   * @return the approval's answer, or {@code answer} when there was nothing to approve
   */
  ServiceApi.Answer approve(String serviceUrl, ServiceApi.Answer answer, String what) {
    if (answer.status() != 202) {
      return answer;
    }
    String approvalId = answer.json().path("approvalId").asString("");
    if (approvalId.isEmpty()) {
      throw new ScenarioFailure(what + " answered 202 without an approval id: " + answer.body());
    }
    String approval = serviceUrl + "/v1/approvals/" + approvalId;
    ServiceApi.Answer approved =
        run.api()
            .postJson(
                approval + "/approve",
                Callers.OPERATOR2,
                Map.of("reason", "checked by the second operator: " + what));
    if (approved.status() == 409) {
      // A retried approve after a lost answer: the first one went through if the request says so.
      JsonNode state = run.api().get(approval).expect("reading approval " + approvalId, 200).json();
      if ("APPROVED".equals(state.path("state").asString(""))) {
        return approved;
      }
    }
    return approved.expect("approving " + what + " (approval " + approvalId + ")", 200);
  }
}
