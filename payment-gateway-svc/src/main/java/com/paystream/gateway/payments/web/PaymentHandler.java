package com.paystream.gateway.payments.web;

import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.payments.PageCursor;
import com.paystream.gateway.payments.PaymentQuery;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.application.CreatePayment;
import com.paystream.gateway.payments.application.CreationResult;
import com.paystream.gateway.payments.application.PaymentCreation;
import com.paystream.gateway.payments.application.PaymentJson;
import com.paystream.gateway.payments.persistence.PaymentReader;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Creating and reading payments. Merchants see only their own payments: another merchant's payment
 * is "not found", never "forbidden", so that ids cannot be probed.
 */
@Component
public class PaymentHandler {

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_REFERENCE = 128;

  private final Callers callers;
  private final PaymentCreation creation;
  private final ProviderResolver providers;
  private final PaymentReader reader;
  private final GatewayInput input;

  public PaymentHandler(
      Callers callers,
      PaymentCreation creation,
      ProviderResolver providers,
      PaymentReader reader,
      GatewayInput input) {
    this.callers = callers;
    this.creation = creation;
    this.providers = providers;
    this.reader = reader;
    this.input = input;
  }

  /** {@code POST /v1/payments}. */
  public Mono<ServerResponse> create(ServerRequest request) {
    return callers
        .caller(request)
        .flatMap(
            caller -> {
              if (!(caller instanceof Caller.Merchant merchant)) {
                return Mono.error(ApiException.forbidden("payments are created by merchants"));
              }
              String key = ApiRequests.idempotencyKey(request);
              return ApiRequests.json(request)
                  .map(this::createPayment)
                  .flatMap(
                      body ->
                          creation.create(
                              merchant,
                              key,
                              body,
                              providers.require(body.provider()),
                              ApiRequests.traceId(request)));
            })
        .flatMap(PaymentHandler::creationResponse)
        .onErrorMap(
            ProviderUnavailable.class,
            e ->
                new ApiException(
                    503,
                    "provider_unavailable",
                    "Provider unavailable",
                    "the provider could not be reached; retry with the same Idempotency-Key"));
  }

  /** {@code GET /v1/payments/{id}}. */
  public Mono<ServerResponse> get(ServerRequest request) {
    return callers
        .caller(request)
        .flatMap(caller -> visible(caller, input.pathPaymentId(request)))
        .flatMap(view -> ok(PaymentJson.view(view)));
  }

  /** {@code GET /v1/payments/{id}/history}. */
  public Mono<ServerResponse> history(ServerRequest request) {
    PaymentId paymentId = input.pathPaymentId(request);
    return callers
        .caller(request)
        .flatMap(caller -> visible(caller, paymentId))
        .flatMap(view -> reader.history(paymentId).map(PaymentJson::history).collectList())
        .flatMap(entries -> ok(Map.of("payment_id", paymentId.value(), "history", entries)));
  }

  /** {@code GET /v1/payments?merchant=&status=&from=&to=&cursor=&limit=}. */
  public Mono<ServerResponse> list(ServerRequest request) {
    return callers
        .caller(request)
        .map(caller -> query(caller, request))
        .flatMap(query -> reader.list(query).collectList().map(page -> page(query, page)))
        .flatMap(PaymentHandler::ok);
  }

  /** The payment if the caller may see it; not found otherwise. */
  Mono<PaymentView> visible(Caller caller, PaymentId paymentId) {
    return reader
        .find(paymentId)
        .filter(view -> maysee(caller, view))
        .switchIfEmpty(Mono.error(() -> ApiException.notFound("payment " + paymentId)));
  }

  static boolean maysee(Caller caller, PaymentView view) {
    return caller instanceof Caller.Operator
        || caller instanceof Caller.Auditor
        || (caller instanceof Caller.Merchant merchant
            && merchant.merchantId().equals(view.merchantId()));
  }

  private CreatePayment createPayment(JsonNode json) {
    Money amount = input.money(json, false);
    return new CreatePayment(
        amount,
        input.identifier(json, "provider", "simulator"),
        input.optionalText(json, "reference", MAX_REFERENCE).filter(text -> !text.isBlank()));
  }

  private static Mono<ServerResponse> creationResponse(CreationResult result) {
    if (result instanceof CreationResult.Answer answer) {
      return ServerResponse.status(answer.status())
          .contentType(MediaType.APPLICATION_JSON)
          .header("Idempotent-Replayed", Boolean.toString(answer.replayed()))
          .bodyValue(answer.body());
    }
    if (result instanceof CreationResult.InProgress) {
      return Mono.error(
          new ApiException(
              409,
              "request_in_progress",
              "Request in progress",
              "a request with this Idempotency-Key is being processed; retry shortly"));
    }
    return Mono.error(
        new ApiException(
            422,
            "idempotency_key_reused",
            "Idempotency-Key reused",
            "this Idempotency-Key was used with another request body"));
  }

  private PaymentQuery query(Caller caller, ServerRequest request) {
    Optional<MerchantId> merchant = input.merchant(request, "merchant");
    if (caller instanceof Caller.Merchant own) {
      if (merchant.isPresent() && !merchant.get().equals(own.merchantId())) {
        throw ApiException.forbidden("merchants list only their own payments");
      }
      merchant = Optional.of(own.merchantId());
    }
    return new PaymentQuery(
        merchant,
        input.choice(request, "status", PaymentStatus.class),
        input.instant(request, "from"),
        input.instant(request, "to"),
        input
            .cursor(request, "cursor")
            .map(
                position ->
                    PageCursor.decode(position)
                        .orElseThrow(() -> InputPolicy.malformedCursor("cursor"))),
        input.pageSize(request, "limit", DEFAULT_LIMIT, PaymentQuery.MAX_LIMIT));
  }

  private Map<String, Object> page(PaymentQuery query, List<PaymentView> payments) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("payments", payments.stream().map(PaymentJson::view).toList());
    PaymentView last = payments.isEmpty() ? null : payments.get(payments.size() - 1);
    json.put(
        "next_cursor",
        payments.size() < query.limit() || last == null
            ? null
            : input.signCursor(new PageCursor(last.createdAt(), last.paymentId()).encode()));
    return json;
  }

  static Mono<ServerResponse> ok(Object json) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PaymentJson.write(json));
  }
}
