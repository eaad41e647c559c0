package com.paystream.gateway.payments.web;

import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.approvals.web.ApprovalHandler;
import com.paystream.gateway.approvals.web.ApprovalJson;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.ApprovedCancellation;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentCancellation;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
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
  private final Approvals approvals;
  private final GatewayInput input;

  public CancellationHandler(
      Callers callers, PaymentCancellation cancellation, Approvals approvals, GatewayInput input) {
    this.callers = callers;
    this.cancellation = cancellation;
    this.approvals = approvals;
    this.input = input;
  }

  /**
   * {@code POST /v1/payments/{id}/cancel}, optional body {@code {"reason": "..."}}. A merchant's
   * cancellation is done at once; an operator's needs a second operator ({@code payment.cancel}):
   * 202 and the request, whose id comes from the optional Idempotency-Key (without one, one request
   * per payment).
   */
  public Mono<ServerResponse> cancel(ServerRequest request) {
    PaymentId paymentId = input.pathPaymentId(request);
    return callers
        .caller(request)
        .flatMap(
            caller ->
                ApiRequests.optionalJson(request)
                    .map(
                        json -> {
                          ApprovalHandler.refuseNamesFromTheBody(json);
                          return input.optionalText(json, "reason");
                        })
                    .flatMap(
                        reason ->
                            caller instanceof Caller.Operator operator
                                ? operatorCancels(request, operator, paymentId, reason)
                                : cancellation
                                    .cancel(caller, paymentId, reason, ApiRequests.trace(request))
                                    .flatMap(CancellationHandler::answer)));
  }

  private Mono<ServerResponse> operatorCancels(
      ServerRequest request, Caller.Operator operator, PaymentId paymentId, String reason) {
    String key =
        request.headers().firstHeader("Idempotency-Key") == null
            ? ""
            : ApiRequests.idempotencyKey(request);
    return cancellation
        .vet(paymentId)
        .flatMap(
            vetted -> {
              if (!(vetted instanceof ChangeResult.Done done)
                  || done.payment().status() == PaymentStatus.CANCELLED) {
                return answer(vetted);
              }
              if (!approvals.needed(ApprovedCancellation.CANCEL, done.payment().amount().minor())) {
                return cancellation
                    .cancel(operator, paymentId, reason, ApiRequests.trace(request))
                    .flatMap(CancellationHandler::answer);
              }
              return approvals
                  .request(
                      operator, ApprovedCancellation.ask(operator, done.payment(), reason, key))
                  .flatMap(result -> ApprovalJson.requested(result, approvals.now()));
            });
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
          case NO_CHANGE -> ApiException.noChange(detail);
          case INVALID_STATE -> ApiException.invalidState(detail);
          case INVALID_REQUEST -> ApiException.unprocessable(detail);
          case PROVIDER_REFUSED -> ApiException.providerRefused(detail);
          case PROVIDER_UNAVAILABLE -> ApiException.providerUnavailable(detail);
        });
  }
}
