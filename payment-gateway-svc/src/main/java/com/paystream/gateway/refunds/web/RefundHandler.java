package com.paystream.gateway.refunds.web;

import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.refunds.Refund;
import com.paystream.gateway.refunds.RefundRequest;
import com.paystream.gateway.refunds.RefundResult;
import com.paystream.gateway.refunds.application.Refunds;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
import com.paystream.platform.ids.PaymentId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Refunding payments: merchants their own, operators any. */
@Component
public class RefundHandler {

  private final Callers callers;
  private final Refunds refunds;
  private final GatewayInput input;

  public RefundHandler(Callers callers, Refunds refunds, GatewayInput input) {
    this.callers = callers;
    this.refunds = refunds;
    this.input = input;
  }

  /** {@code POST /v1/payments/{id}/refunds} with an Idempotency-Key. */
  public Mono<ServerResponse> refund(ServerRequest request) {
    PaymentId paymentId = input.pathPaymentId(request);
    return callers
        .caller(request)
        .flatMap(
            caller -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(
                      json ->
                          new RefundRequest(
                              input.money(json, false), input.optionalText(json, "reason"), key))
                  .flatMap(
                      refund ->
                          refunds.refund(caller, paymentId, refund, ApiRequests.trace(request)));
            })
        .flatMap(RefundHandler::answer);
  }

  private static Mono<ServerResponse> answer(RefundResult result) {
    if (result instanceof RefundResult.Done done) {
      return ServerResponse.status(201)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(PaymentJson.write(body(done)));
    }
    RefundResult.Declined declined = (RefundResult.Declined) result;
    String detail = declined.detail();
    return Mono.error(
        switch (declined.reason()) {
          case NOT_FOUND -> ApiException.absent(detail);
          case INVALID_STATE -> ApiException.invalidState(detail);
          case EXCEEDS_REFUNDABLE ->
              new ApiException(
                  422, "exceeds_refundable", "Refund exceeds the refundable amount", detail);
          case KEY_REUSED ->
              new ApiException(422, "idempotency_key_reused", "Idempotency-Key reused", detail);
          case INVALID_REQUEST -> ApiException.unprocessable(detail);
          case PROVIDER_REFUSED -> ApiException.providerRefused(detail);
          case PROVIDER_UNAVAILABLE -> ApiException.providerUnavailable(detail);
        });
  }

  private static Map<String, Object> body(RefundResult.Done done) {
    Refund refund = done.refund();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("refund_id", refund.refundId());
    json.put("status", refund.status().name());
    json.put("amount_minor", refund.amount().minor());
    json.put("currency", refund.amount().currencyCode());
    json.put("payment", PaymentJson.view(done.payment()));
    return json;
  }
}
