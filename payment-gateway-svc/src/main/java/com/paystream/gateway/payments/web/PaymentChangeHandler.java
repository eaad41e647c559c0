package com.paystream.gateway.payments.web;

import com.paystream.gateway.auth.web.ApiKeyAuthenticator;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.Refund;
import com.paystream.gateway.payments.application.Amendment;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentChanges;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.payments.application.RefundRequest;
import com.paystream.gateway.payments.application.Supplement;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Cancelling, refunding, amending and supplementing payments. */
@Component
public class PaymentChangeHandler {

  private static final int MAX_REASON = 500;

  private final ApiKeyAuthenticator authenticator;
  private final PaymentChanges changes;

  public PaymentChangeHandler(ApiKeyAuthenticator authenticator, PaymentChanges changes) {
    this.authenticator = authenticator;
    this.changes = changes;
  }

  /** {@code POST /v1/payments/{id}/cancel}, optional body {@code {"reason": "..."}}. */
  public Mono<ServerResponse> cancel(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return authenticator
        .authenticate(request)
        .flatMap(
            caller ->
                optionalJson(request)
                    .map(json -> optionalText(json, "reason"))
                    .flatMap(
                        reason ->
                            changes.cancel(
                                caller, paymentId, reason, ApiRequests.traceId(request))))
        .flatMap(result -> answer(result, 200));
  }

  /** {@code POST /v1/payments/{id}/refunds} with an Idempotency-Key. */
  public Mono<ServerResponse> refund(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return authenticator
        .authenticate(request)
        .flatMap(
            caller -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(json -> refundRequest(json, key))
                  .flatMap(
                      refund ->
                          changes.refund(caller, paymentId, refund, ApiRequests.traceId(request)));
            })
        .flatMap(result -> answer(result, 201));
  }

  /** {@code POST /v1/payments/{id}/amendments}: operators only. */
  public Mono<ServerResponse> amend(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return authenticator
        .operator(request)
        .flatMap(
            operator -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(json -> amendment(json, key))
                  .flatMap(
                      amendment ->
                          changes.amend(
                              operator, paymentId, amendment, ApiRequests.traceId(request)));
            })
        .flatMap(result -> answer(result, 200));
  }

  /** {@code POST /v1/payments/{id}/supplements}: operators only. */
  public Mono<ServerResponse> supplement(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return authenticator
        .operator(request)
        .flatMap(
            operator -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(json -> supplement(json, key))
                  .flatMap(
                      supplement ->
                          changes.supplement(
                              operator, paymentId, supplement, ApiRequests.traceId(request)));
            })
        .flatMap(result -> answer(result, 200));
  }

  private static Mono<JsonNode> optionalJson(ServerRequest request) {
    boolean hasBody =
        request.headers().contentLength().orElse(0) > 0
            || request.headers().firstHeader("Transfer-Encoding") != null;
    return hasBody ? ApiRequests.json(request) : Mono.just(StrictJson.object("{}".getBytes()));
  }

  private static RefundRequest refundRequest(JsonNode json, String key) {
    return new RefundRequest(positiveMoney(json), optionalText(json, "reason"), key);
  }

  private static Amendment amendment(JsonNode json, String key) {
    String reason = requiredText(json, "reason");
    String status = StrictJson.string(json, "status", 16);
    try {
      return new Amendment(money(json), PaymentStatus.valueOf(status), reason, key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of " + List.of(PaymentStatus.values()));
    }
  }

  private static Supplement supplement(JsonNode json, String key) {
    return new Supplement(
        StrictJson.merchantId(json, "merchant_id"),
        positiveMoney(json),
        json.get("provider") == null ? "simulator" : StrictJson.string(json, "provider", 32),
        requiredText(json, "evidence_reference"),
        requiredText(json, "reason"),
        key);
  }

  private static Money money(JsonNode json) {
    long amountMinor = StrictJson.amountMinor(json, "amount_minor");
    String currency = StrictJson.string(json, "currency", 3);
    return new Money(amountMinor, StrictJson.currency(currency, "currency"));
  }

  private static Money positiveMoney(JsonNode json) {
    Money money = money(json);
    if (!money.isPositive()) {
      throw ApiException.badRequest("amount_minor must be positive");
    }
    return money;
  }

  private static String requiredText(JsonNode json, String field) {
    if (json.get(field) == null) {
      throw ApiException.badRequest(field + " is required");
    }
    return StrictJson.string(json, field, MAX_REASON);
  }

  private static String optionalText(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? "" : StrictJson.string(json, field, MAX_REASON);
  }

  private static Mono<ServerResponse> answer(ChangeResult result, int successStatus) {
    if (result instanceof ChangeResult.Done done) {
      Object body = done.refund().isPresent() ? refundBody(done) : PaymentJson.view(done.payment());
      return ServerResponse.status(successStatus)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(PaymentJson.write(body));
    }
    ChangeResult.Declined declined = (ChangeResult.Declined) result;
    return Mono.error(
        switch (declined.reason()) {
          case NOT_FOUND -> new ApiException(404, "not_found", "Not found", declined.detail());
          case INVALID_STATE ->
              new ApiException(
                  409, "invalid_state", "Not allowed in this status", declined.detail());
          case EXCEEDS_REFUNDABLE ->
              new ApiException(
                  422,
                  "exceeds_refundable",
                  "Refund exceeds the refundable amount",
                  declined.detail());
          case KEY_REUSED ->
              new ApiException(
                  422, "idempotency_key_reused", "Idempotency-Key reused", declined.detail());
          case INVALID_REQUEST ->
              new ApiException(422, "invalid_request", "Invalid request", declined.detail());
          case PROVIDER_REFUSED ->
              new ApiException(422, "provider_refused", "Provider refused", declined.detail());
          case PROVIDER_UNAVAILABLE ->
              new ApiException(
                  503, "provider_unavailable", "Provider unavailable", declined.detail());
        });
  }

  private static Map<String, Object> refundBody(ChangeResult.Done done) {
    Refund refund = done.refund().orElseThrow();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("refund_id", refund.refundId());
    json.put("status", refund.status().name());
    json.put("amount_minor", refund.amount().minor());
    json.put("currency", refund.amount().currencyCode());
    json.put("payment", PaymentJson.view(done.payment()));
    return json;
  }
}
