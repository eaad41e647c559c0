package com.paystream.gateway.payments.application;

import com.paystream.gateway.approvals.ApprovedAction;
import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.platform.ids.PaymentId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's cancellation under four eyes ({@code payment.cancel}). Merchants cancel their own
 * payments directly; an operator cancelling a merchant's payment is a correction made on someone
 * else's behalf, so it waits for a second operator. Approved, the payment is cancelled at the
 * provider first (outside the transaction, as a direct cancellation is) and then recorded with both
 * names.
 */
@Component
public class ApprovedCancellation implements ApprovedAction {

  public static final String CANCEL = "payment.cancel";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PaymentCancellation cancellation;

  public ApprovedCancellation(PaymentCancellation cancellation) {
    this.cancellation = cancellation;
  }

  /** The request for a second operator's approval of cancelling {@code payment}. */
  public static Approvals.Ask ask(
      Caller.Operator requester, PaymentView payment, String reason, String idempotencyKey) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("requester_name", requester.name());
    payload.put("requester_credential", requester.credential());
    payload.put("reason", reason);
    return new Approvals.Ask(
        CANCEL,
        payment.paymentId().value(),
        JSON.writeValueAsString(payload),
        payment.amount().minor(),
        payment.amount().currencyCode(),
        reason,
        idempotencyKey);
  }

  @Override
  public String action() {
    return CANCEL;
  }

  @Override
  public Mono<Void> prepare(ApprovalRequest request) {
    return cancellation.cancelAtProviderFor(new PaymentId(request.target()));
  }

  @Override
  public Mono<Map<String, Object>> carryOut(ApprovalRequest request, String approvedBy) {
    JsonNode payload = JSON.readTree(request.payload());
    Caller.Operator requester =
        new Caller.Operator(
            payload.get("requester_name").asString(),
            payload.get("requester_credential").asString());
    return cancellation
        .cancelApproved(
            requester,
            new PaymentId(request.target()),
            payload.get("reason").asString(),
            approvedBy)
        .map(
            result -> {
              if (result instanceof ChangeResult.Done done) {
                return PaymentJson.view(done.payment());
              }
              throw PaymentCancellation.approvalDeclined(result);
            });
  }
}
