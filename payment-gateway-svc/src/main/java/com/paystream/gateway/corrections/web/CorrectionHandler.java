package com.paystream.gateway.corrections.web;

import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.corrections.Amendment;
import com.paystream.gateway.corrections.Supplement;
import com.paystream.gateway.corrections.application.Corrections;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.platform.ids.PaymentId;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Amending and supplementing payments: operators only. */
@Component
public class CorrectionHandler {

  private final Callers callers;
  private final Corrections corrections;

  public CorrectionHandler(Callers callers, Corrections corrections) {
    this.callers = callers;
    this.corrections = corrections;
  }

  /** {@code POST /v1/payments/{id}/amendments}. */
  public Mono<ServerResponse> amend(ServerRequest request) {
    return correct(request, CorrectionHandler::amendment, corrections::amend);
  }

  /** {@code POST /v1/payments/{id}/supplements}. */
  public Mono<ServerResponse> supplement(ServerRequest request) {
    return correct(request, CorrectionHandler::supplement, corrections::supplement);
  }

  /** What both corrections do: an operator, the payment, the body read with its key, the answer. */
  private <T> Mono<ServerResponse> correct(
      ServerRequest request, BiFunction<JsonNode, String, T> read, Correction<T> correction) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return callers
        .operator(request)
        .flatMap(
            operator -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(json -> read.apply(json, key))
                  .flatMap(
                      body ->
                          correction.apply(
                              operator, paymentId, body, ApiRequests.traceId(request)));
            })
        .flatMap(CorrectionHandler::answer);
  }

  /** One of the {@link Corrections} use cases. */
  @FunctionalInterface
  private interface Correction<T> {
    Mono<ChangeResult> apply(
        Caller.Operator operator, PaymentId paymentId, T correction, String traceId);
  }

  private static Amendment amendment(JsonNode json, String key) {
    String reason = ApiRequests.requiredText(json, "reason");
    String status = StrictJson.string(json, "status", 16);
    try {
      return new Amendment(ApiRequests.money(json), PaymentStatus.valueOf(status), reason, key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of " + List.of(PaymentStatus.values()));
    }
  }

  private static Supplement supplement(JsonNode json, String key) {
    return new Supplement(
        StrictJson.merchantId(json, "merchant_id"),
        ApiRequests.positiveMoney(json),
        json.get("provider") == null ? "simulator" : StrictJson.string(json, "provider", 32),
        ApiRequests.requiredText(json, "evidence_reference"),
        ApiRequests.requiredText(json, "reason"),
        key);
  }

  private static Mono<ServerResponse> answer(ChangeResult result) {
    if (result instanceof ChangeResult.Done done) {
      return ServerResponse.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(PaymentJson.write(PaymentJson.view(done.payment())));
    }
    ChangeResult.Declined declined = (ChangeResult.Declined) result;
    String detail = declined.detail();
    return Mono.error(
        switch (declined.reason()) {
          case NOT_FOUND -> ApiException.absent(detail);
          case INVALID_STATE -> ApiException.invalidState(detail);
          case INVALID_REQUEST -> ApiException.unprocessable(detail);
          case PROVIDER_REFUSED, PROVIDER_UNAVAILABLE ->
              throw new IllegalStateException("a correction never asks the provider: " + detail);
        });
  }
}
