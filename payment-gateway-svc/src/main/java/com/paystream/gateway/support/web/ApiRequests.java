package com.paystream.gateway.support.web;

import com.paystream.gateway.support.TraceParent;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reading API requests strictly: JSON bodies of bounded size, idempotency keys, trace ids, path
 * ids, amounts and reasons.
 */
public final class ApiRequests {

  public static final int MAX_BODY_BYTES = 16 * 1024;
  private static final int MAX_REASON = 500;
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private ApiRequests() {}

  public static Mono<JsonNode> json(ServerRequest request) {
    boolean json =
        request
            .headers()
            .contentType()
            .map(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))
            .orElse(false);
    if (!json) {
      return Mono.error(
          new ApiException(
              415, "unsupported_media_type", "Unsupported media type", "send application/json"));
    }
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
        .map(ApiRequests::bytes)
        .defaultIfEmpty(new byte[0])
        .map(StrictJson::object);
  }

  public static String idempotencyKey(ServerRequest request) {
    String key = request.headers().firstHeader("Idempotency-Key");
    if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ApiException.badRequest(
          "an Idempotency-Key header of 1-255 printable ASCII characters is required");
    }
    return key;
  }

  public static String traceId(ServerRequest request) {
    return TraceParent.traceId(request.headers().firstHeader("traceparent"));
  }

  /** A JSON body if one was sent, otherwise an empty object. */
  public static Mono<JsonNode> optionalJson(ServerRequest request) {
    boolean hasBody =
        request.headers().contentLength().orElse(0) > 0
            || request.headers().firstHeader("Transfer-Encoding") != null;
    return hasBody ? json(request) : Mono.just(StrictJson.object("{}".getBytes()));
  }

  /** The payment id in the path; one that cannot be a payment id is not found. */
  public static PaymentId pathPaymentId(ServerRequest request) {
    try {
      return new PaymentId(request.pathVariable("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("payment");
    }
  }

  /** {@code amount_minor} and {@code currency}. */
  public static Money money(JsonNode json) {
    long amountMinor = StrictJson.amountMinor(json, "amount_minor");
    String currency = StrictJson.string(json, "currency", 3);
    return new Money(amountMinor, StrictJson.currency(currency, "currency"));
  }

  /** {@code amount_minor} and {@code currency}, more than zero. */
  public static Money positiveMoney(JsonNode json) {
    Money money = money(json);
    if (!money.isPositive()) {
      throw ApiException.badRequest("amount_minor must be positive");
    }
    return money;
  }

  /** A reason-like text field that must be there. */
  public static String requiredText(JsonNode json, String field) {
    if (json.get(field) == null) {
      throw ApiException.badRequest(field + " is required");
    }
    return StrictJson.string(json, field, MAX_REASON);
  }

  /** A reason-like text field, empty when absent or null. */
  public static String optionalText(JsonNode json, String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? "" : StrictJson.string(json, field, MAX_REASON);
  }

  private static byte[] bytes(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
