package com.paystream.gateway.providers.http;

import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderPayment;
import com.paystream.gateway.providers.ProviderPaymentRequest;
import com.paystream.gateway.providers.ProviderPaymentStatus;
import com.paystream.gateway.providers.ProviderRefund;
import com.paystream.gateway.providers.ProviderRefundRequest;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.json.StrictJson.InvalidJson;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.money.Money;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider REST protocol:
 *
 * <ul>
 *   <li>{@code POST /v1/payments} (Idempotency-Key = our payment id) → {@code {"id", "status",
 *       "redirect_url"}}
 *   <li>{@code GET /v1/payments?payment_id=...} → {@code {"id", "payment_id", "merchant_id",
 *       "amount_minor", "currency", "status", "updated_at", "state_id"}} or 404
 *   <li>{@code POST /v1/payments/{id}/refunds} (Idempotency-Key = our refund id) → {@code {"id"}}
 *   <li>{@code POST /v1/payments/{id}/cancel} → 200, or 409 when the payment was already taken
 * </ul>
 *
 * A timeout, a connection failure or a 5xx is {@link ProviderUnavailable}; a 4xx is {@link
 * ProviderRefused}; an answer we cannot read is {@link ProviderUnavailable} too (the provider is
 * broken, not our request).
 */
public final class RestProviderClient implements ProviderClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebClient http;
  private final String name;
  private final Duration timeout;

  public RestProviderClient(WebClient http, String name, Duration timeout) {
    this.http = http;
    this.name = name;
    this.timeout = timeout;
  }

  @Override
  public Mono<ProviderPayment> createPayment(ProviderPaymentRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("payment_id", request.paymentId().value());
    body.put("merchant_id", request.merchantId().value());
    body.put("amount_minor", request.amount().minor());
    body.put("currency", request.amount().currencyCode());
    request.reference().ifPresent(reference -> body.put("reference", reference));
    return post("/v1/payments", request.paymentId().value(), body)
        .map(
            json ->
                new ProviderPayment(
                    StrictJson.string(json, "id", 255),
                    StrictJson.string(json, "redirect_url", 2048)));
  }

  @Override
  public Mono<Optional<ProviderPaymentStatus>> paymentStatus(String paymentId) {
    return http.get()
        .uri(uri -> uri.path("/v1/payments").queryParam("payment_id", paymentId).build())
        .accept(MediaType.APPLICATION_JSON)
        .exchangeToMono(
            response -> {
              if (response.statusCode().value() == 404) {
                return Mono.just(Optional.<ProviderPaymentStatus>empty());
              }
              return body(response.statusCode(), response.bodyToMono(byte[].class))
                  .map(json -> Optional.of(status(json)));
            })
        .timeout(timeout)
        .onErrorMap(this::unavailable);
  }

  @Override
  public Mono<ProviderRefund> refund(ProviderRefundRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("refund_id", request.refundId());
    body.put("amount_minor", request.amount().minor());
    body.put("currency", request.amount().currencyCode());
    return post(
            "/v1/payments/" + request.providerPaymentId() + "/refunds", request.refundId(), body)
        .map(json -> new ProviderRefund(StrictJson.string(json, "id", 255)));
  }

  @Override
  public Mono<Void> cancelPayment(String providerPaymentId) {
    return post("/v1/payments/" + providerPaymentId + "/cancel", providerPaymentId, Map.of())
        .then();
  }

  private Mono<JsonNode> post(String path, String idempotencyKey, Map<String, Object> body) {
    return http.post()
        .uri(path)
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(JSON.writeValueAsBytes(body))
        .exchangeToMono(response -> body(response.statusCode(), response.bodyToMono(byte[].class)))
        .timeout(timeout)
        .onErrorMap(this::unavailable);
  }

  private Mono<JsonNode> body(HttpStatusCode status, Mono<byte[]> body) {
    return body.defaultIfEmpty(new byte[0])
        .map(
            bytes -> {
              if (status.is4xxClientError()) {
                throw new ProviderRefused(name + " refused the request with " + status.value());
              }
              if (!status.is2xxSuccessful()) {
                throw new ProviderUnavailable(name + " answered " + status.value(), null);
              }
              return StrictJson.object(bytes);
            });
  }

  private ProviderPaymentStatus status(JsonNode json) {
    String currency = StrictJson.string(json, "currency", 3);
    return new ProviderPaymentStatus(
        StrictJson.string(json, "id", 255),
        StrictJson.paymentId(json, "payment_id"),
        new MerchantId(StrictJson.string(json, "merchant_id", 64)),
        new Money(
            StrictJson.amountMinor(json, "amount_minor"),
            StrictJson.currency(currency, "currency")),
        StrictJson.string(json, "status", 16),
        StrictJson.timestamp(json, "updated_at"),
        StrictJson.string(json, "state_id", 255));
  }

  private Throwable unavailable(Throwable error) {
    if (error instanceof ProviderRefused || error instanceof ProviderUnavailable) {
      return error;
    }
    if (error instanceof InvalidJson || error instanceof IllegalArgumentException) {
      return new ProviderUnavailable(name + " sent an answer we cannot read", error);
    }
    if (error instanceof WebClientRequestException
        || error instanceof java.util.concurrent.TimeoutException) {
      return new ProviderUnavailable(name + " is unreachable or too slow", error);
    }
    return new ProviderUnavailable(name + " failed", error);
  }
}
