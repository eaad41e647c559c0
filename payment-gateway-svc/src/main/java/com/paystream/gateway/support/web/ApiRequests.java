package com.paystream.gateway.support.web;

import com.paystream.gateway.support.TraceIds;
import com.paystream.gateway.support.TraceParent;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.platform.input.InputReason;
import java.util.regex.Pattern;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reading API requests strictly: JSON bodies of bounded size, idempotency keys and trace ids. Path
 * ids, parameters and fields are bound by {@link GatewayInput}.
 */
public final class ApiRequests {

  public static final int MAX_BODY_BYTES = 16 * 1024;
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
              415,
              InputReason.UNSUPPORTED_MEDIA_TYPE.code(),
              "Unsupported media type",
              "send application/json"));
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
    return TraceParent.traceId(request.exchange());
  }

  /** The request's trace and server span, which the commands it causes are recorded in. */
  public static TraceIds trace(ServerRequest request) {
    return TraceIds.of(TraceParent.of(request.exchange()));
  }

  /** A JSON body if one was sent, otherwise an empty object. */
  public static Mono<JsonNode> optionalJson(ServerRequest request) {
    boolean hasBody =
        request.headers().contentLength().orElse(0) > 0
            || request.headers().firstHeader("Transfer-Encoding") != null;
    return hasBody ? json(request) : Mono.just(StrictJson.object("{}".getBytes()));
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
