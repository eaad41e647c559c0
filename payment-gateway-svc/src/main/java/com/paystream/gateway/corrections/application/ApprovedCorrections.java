package com.paystream.gateway.corrections.application;

import com.paystream.gateway.approvals.ApprovedAction;
import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.audit.RequestContext;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.corrections.Amendment;
import com.paystream.gateway.corrections.Supplement;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amendments and supplements under four eyes ({@code payment.amend}, {@code payment.supplement}):
 * what a request keeps (the correction and who asked, with the credential they used) and how an
 * approved request is carried out, as the requester asked it and approved by the approver.
 */
@Configuration(proxyBeanMethods = false)
public class ApprovedCorrections {

  public static final String AMEND = "payment.amend";
  public static final String SUPPLEMENT = "payment.supplement";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The request for a second operator's approval of {@code amendment}. */
  public static Approvals.Ask ask(
      Caller.Operator requester, PaymentId paymentId, Amendment amendment) {
    Map<String, Object> payload = requester(requester);
    payload.put("amount_minor", amendment.amount().minor());
    payload.put("currency", amendment.amount().currencyCode());
    payload.put("status", amendment.status().name());
    payload.put("reason", amendment.reason());
    payload.put("idempotency_key", amendment.idempotencyKey());
    return new Approvals.Ask(
        AMEND,
        paymentId.value(),
        JSON.writeValueAsString(payload),
        amendment.amount().minor(),
        amendment.amount().currencyCode(),
        amendment.reason(),
        amendment.idempotencyKey());
  }

  /** The request for a second operator's approval of {@code supplement}. */
  public static Approvals.Ask ask(
      Caller.Operator requester, PaymentId paymentId, Supplement supplement) {
    Map<String, Object> payload = requester(requester);
    payload.put("merchant_id", supplement.merchantId().value());
    payload.put("amount_minor", supplement.amount().minor());
    payload.put("currency", supplement.amount().currencyCode());
    payload.put("provider", supplement.provider());
    payload.put("evidence_reference", supplement.evidenceReference());
    payload.put("reason", supplement.reason());
    payload.put("idempotency_key", supplement.idempotencyKey());
    return new Approvals.Ask(
        SUPPLEMENT,
        paymentId.value(),
        JSON.writeValueAsString(payload),
        supplement.amount().minor(),
        supplement.amount().currencyCode(),
        supplement.reason(),
        supplement.idempotencyKey());
  }

  @Bean
  ApprovedAction approvedAmendment(Corrections corrections) {
    return new ApprovedAction() {
      @Override
      public String action() {
        return AMEND;
      }

      @Override
      public Mono<Map<String, Object>> carryOut(ApprovalRequest request, String approvedBy) {
        JsonNode payload = JSON.readTree(request.payload());
        Amendment amendment =
            new Amendment(
                money(payload),
                PaymentStatus.valueOf(payload.get("status").asString()),
                payload.get("reason").asString(),
                payload.get("idempotency_key").asString());
        return Mono.deferContextual(
                context ->
                    corrections.amend(
                        requester(payload),
                        new PaymentId(request.target()),
                        amendment,
                        RequestContext.trace(context),
                        Optional.of(approvedBy)))
            .map(ApprovedCorrections::done);
      }
    };
  }

  @Bean
  ApprovedAction approvedSupplement(Corrections corrections) {
    return new ApprovedAction() {
      @Override
      public String action() {
        return SUPPLEMENT;
      }

      @Override
      public Mono<Map<String, Object>> carryOut(ApprovalRequest request, String approvedBy) {
        JsonNode payload = JSON.readTree(request.payload());
        Supplement supplement =
            new Supplement(
                new MerchantId(payload.get("merchant_id").asString()),
                money(payload),
                payload.get("provider").asString(),
                payload.get("evidence_reference").asString(),
                payload.get("reason").asString(),
                payload.get("idempotency_key").asString());
        return Mono.deferContextual(
                context ->
                    corrections.supplement(
                        requester(payload),
                        new PaymentId(request.target()),
                        supplement,
                        RequestContext.trace(context),
                        Optional.of(approvedBy)))
            .map(ApprovedCorrections::done);
      }
    };
  }

  private static Map<String, Object> requester(Caller.Operator requester) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("requester_name", requester.name());
    payload.put("requester_credential", requester.credential());
    return payload;
  }

  private static Caller.Operator requester(JsonNode payload) {
    return new Caller.Operator(
        payload.get("requester_name").asString(), payload.get("requester_credential").asString());
  }

  private static Money money(JsonNode payload) {
    return Money.of(payload.get("amount_minor").asLong(), payload.get("currency").asString());
  }

  /** The carried-out change's answer, or why it could not be carried out now. */
  static Map<String, Object> done(ChangeResult result) {
    if (result instanceof ChangeResult.Done done) {
      return PaymentJson.view(done.payment());
    }
    throw declined(result);
  }

  /** A declined change as the refusal of the action a request asks for. */
  public static ApprovedAction.Declined declined(ChangeResult result) {
    ChangeResult.Declined declined = (ChangeResult.Declined) result;
    return new ApprovedAction.Declined(
        ApprovedAction.Declined.Kind.valueOf(declined.reason().name()), declined.detail());
  }
}
