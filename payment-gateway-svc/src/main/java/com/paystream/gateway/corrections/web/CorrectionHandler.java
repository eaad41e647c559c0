package com.paystream.gateway.corrections.web;

import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.approvals.web.ApprovalHandler;
import com.paystream.gateway.approvals.web.ApprovalJson;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.corrections.Amendment;
import com.paystream.gateway.corrections.Supplement;
import com.paystream.gateway.corrections.application.ApprovedCorrections;
import com.paystream.gateway.corrections.application.Corrections;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.support.TraceIds;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import java.util.List;
import java.util.Optional;
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
  private final Approvals approvals;
  private final GatewayInput input;

  public CorrectionHandler(
      Callers callers, Corrections corrections, Approvals approvals, GatewayInput input) {
    this.callers = callers;
    this.corrections = corrections;
    this.approvals = approvals;
    this.input = input;
  }

  /**
   * {@code POST /v1/payments/{id}/amendments}: 202 and a request for a second operator when the
   * policy wants one ({@code payment.amend}, by default always), else 200 and the amended payment.
   */
  public Mono<ServerResponse> amend(ServerRequest request) {
    return correct(
        request,
        this::amendment,
        new Correction<>() {
          @Override
          public long amountMinor(Amendment amendment) {
            return amendment.amount().minor();
          }

          @Override
          public boolean needsSecondOperator(Amendment amendment) {
            return approvals.needed(ApprovedCorrections.AMEND, amountMinor(amendment));
          }

          @Override
          public Mono<Optional<ChangeResult>> vet(PaymentId paymentId, Amendment amendment) {
            return corrections.vetAmendment(paymentId, amendment);
          }

          @Override
          public Approvals.Ask ask(
              Caller.Operator operator, PaymentId paymentId, Amendment amendment) {
            return ApprovedCorrections.ask(operator, paymentId, amendment);
          }

          @Override
          public Mono<ChangeResult> now(
              Caller.Operator operator, PaymentId paymentId, Amendment amendment, TraceIds trace) {
            return corrections.amend(operator, paymentId, amendment, trace);
          }
        });
  }

  /** {@code POST /v1/payments/{id}/supplements}: as amendments, with {@code payment.supplement}. */
  public Mono<ServerResponse> supplement(ServerRequest request) {
    return correct(
        request,
        this::supplement,
        new Correction<>() {
          @Override
          public long amountMinor(Supplement supplement) {
            return supplement.amount().minor();
          }

          @Override
          public boolean needsSecondOperator(Supplement supplement) {
            return approvals.needed(ApprovedCorrections.SUPPLEMENT, amountMinor(supplement));
          }

          @Override
          public Mono<Optional<ChangeResult>> vet(PaymentId paymentId, Supplement supplement) {
            return corrections.vetSupplement(paymentId, supplement);
          }

          @Override
          public Approvals.Ask ask(
              Caller.Operator operator, PaymentId paymentId, Supplement supplement) {
            return ApprovedCorrections.ask(operator, paymentId, supplement);
          }

          @Override
          public Mono<ChangeResult> now(
              Caller.Operator operator,
              PaymentId paymentId,
              Supplement supplement,
              TraceIds trace) {
            return corrections.supplement(operator, paymentId, supplement, trace);
          }
        });
  }

  /**
   * What both corrections do: an operator, the payment, the body read with its key; then either a
   * request for a second operator (after checking the correction could be carried out now) or the
   * correction itself.
   */
  private <T> Mono<ServerResponse> correct(
      ServerRequest request, BiFunction<JsonNode, String, T> read, Correction<T> correction) {
    PaymentId paymentId = input.pathPaymentId(request);
    return callers
        .operator(request)
        .flatMap(
            operator -> {
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(
                      json -> {
                        ApprovalHandler.refuseNamesFromTheBody(json);
                        return read.apply(json, key);
                      })
                  .flatMap(
                      body -> {
                        if (!correction.needsSecondOperator(body)) {
                          return correction
                              .now(operator, paymentId, body, ApiRequests.trace(request))
                              .flatMap(CorrectionHandler::answer);
                        }
                        return approvals
                            .request(
                                operator,
                                correction.ask(operator, paymentId, body),
                                correction
                                    .vet(paymentId, body)
                                    .map(declined -> declined.map(ApprovedCorrections::declined)))
                            .flatMap(result -> ApprovalJson.requested(result, approvals.now()));
                      });
            });
  }

  /** One of the corrections, under four eyes or not. */
  private interface Correction<T> {
    long amountMinor(T correction);

    boolean needsSecondOperator(T correction);

    Mono<Optional<ChangeResult>> vet(PaymentId paymentId, T correction);

    Approvals.Ask ask(Caller.Operator operator, PaymentId paymentId, T correction);

    Mono<ChangeResult> now(
        Caller.Operator operator, PaymentId paymentId, T correction, TraceIds trace);
  }

  private Amendment amendment(JsonNode json, String key) {
    String reason = input.requiredText(json, "reason");
    String status = StrictJson.string(json, "status", 16);
    try {
      return new Amendment(input.money(json, true), PaymentStatus.valueOf(status), reason, key);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of " + List.of(PaymentStatus.values()));
    }
  }

  private Supplement supplement(JsonNode json, String key) {
    return new Supplement(
        new MerchantId(input.identifier(json, "merchant_id", null)),
        input.money(json, false),
        input.identifier(json, "provider", "simulator"),
        input.requiredText(json, "evidence_reference"),
        input.requiredText(json, "reason"),
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
          case NO_CHANGE -> ApiException.noChange(detail);
          case INVALID_STATE -> ApiException.invalidState(detail);
          case INVALID_REQUEST -> ApiException.unprocessable(detail);
          case PROVIDER_REFUSED, PROVIDER_UNAVAILABLE ->
              throw new IllegalStateException("a correction never asks the provider: " + detail);
        });
  }
}
