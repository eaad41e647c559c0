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
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

  private final Callers callers;
  private final PaymentCreation creation;
  private final ProviderResolver providers;
  private final PaymentReader reader;

  public PaymentHandler(
      Callers callers, PaymentCreation creation, ProviderResolver providers, PaymentReader reader) {
    this.callers = callers;
    this.creation = creation;
    this.providers = providers;
    this.reader = reader;
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
                  .map(PaymentHandler::createPayment)
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
        .flatMap(caller -> visible(caller, ApiRequests.pathPaymentId(request)))
        .flatMap(view -> ok(PaymentJson.view(view)));
  }

  /** {@code GET /v1/payments/{id}/history}. */
  public Mono<ServerResponse> history(ServerRequest request) {
    PaymentId paymentId = ApiRequests.pathPaymentId(request);
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

  private static CreatePayment createPayment(JsonNode json) {
    long amountMinor = StrictJson.amountMinor(json, "amount_minor");
    if (amountMinor == 0) {
      throw ApiException.badRequest("amount_minor must be positive");
    }
    String currency = StrictJson.string(json, "currency", 3);
    Optional<String> reference =
        json.get("reference") == null || json.get("reference").isNull()
            ? Optional.empty()
            : Optional.of(StrictJson.string(json, "reference", 128));
    return new CreatePayment(
        new Money(amountMinor, StrictJson.currency(currency, "currency")),
        json.get("provider") == null ? "simulator" : StrictJson.string(json, "provider", 32),
        reference);
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

  private static PaymentQuery query(Caller caller, ServerRequest request) {
    Optional<MerchantId> merchant = request.queryParam("merchant").map(PaymentHandler::merchantId);
    if (caller instanceof Caller.Merchant own) {
      if (merchant.isPresent() && !merchant.get().equals(own.merchantId())) {
        throw ApiException.forbidden("merchants list only their own payments");
      }
      merchant = Optional.of(own.merchantId());
    }
    return new PaymentQuery(
        merchant,
        request.queryParam("status").map(PaymentHandler::status),
        request.queryParam("from").map(value -> instant("from", value)),
        request.queryParam("to").map(value -> instant("to", value)),
        request.queryParam("cursor").map(PaymentHandler::cursor),
        request.queryParam("limit").map(PaymentHandler::limit).orElse(DEFAULT_LIMIT));
  }

  private static Map<String, Object> page(PaymentQuery query, List<PaymentView> payments) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("payments", payments.stream().map(PaymentJson::view).toList());
    PaymentView last = payments.isEmpty() ? null : payments.get(payments.size() - 1);
    json.put(
        "next_cursor",
        payments.size() < query.limit() || last == null
            ? null
            : new PageCursor(last.createdAt(), last.paymentId()).encode());
    return json;
  }

  private static MerchantId merchantId(String value) {
    try {
      return new MerchantId(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("merchant is not a merchant id");
    }
  }

  private static PaymentStatus status(String value) {
    try {
      return PaymentStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of " + List.of(PaymentStatus.values()));
    }
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
    }
  }

  private static PageCursor cursor(String value) {
    return PageCursor.decode(value)
        .orElseThrow(() -> ApiException.badRequest("cursor is not one this API returned"));
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= PaymentQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // fall through to the same answer
    }
    throw ApiException.badRequest("limit must be 1-" + PaymentQuery.MAX_LIMIT);
  }

  static Mono<ServerResponse> ok(Object json) {
    return ServerResponse.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(PaymentJson.write(json));
  }
}
