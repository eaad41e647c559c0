package com.paystream.gateway.payments.web;

import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentCancellation;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.platform.ids.PaymentId;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Cancelling payments: merchants their own, operators any. */
@Component
public class CancellationHandler {

  private final Callers callers;
  private final PaymentCancellation cancellation;

  public CancellationHandler(Callers callers, PaymentCancellation cancellation) {
    this.callers = callers;
    this.cancellation = cancellation;
  }

  /** {@code POST /v1/payments/{id}/cancel}, optional body {@code {"reason": "..."}}. */
  public Mono<ServerResponse> cancel(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
    return callers
        .caller(request)
        .flatMap(
            caller ->
                ApiRequests.optionalJson(request)
                    .map(json -> ApiRequests.optionalText(json, "reason"))
                    .flatMap(
                        reason ->
                            cancellation.cancel(
                                caller, paymentId, reason, ApiRequests.traceId(request))))
        .flatMap(CancellationHandler::answer);
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
          case PROVIDER_REFUSED -> ApiException.providerRefused(detail);
          case PROVIDER_UNAVAILABLE -> ApiException.providerUnavailable(detail);
        });
  }
}
