package com.paystream.gateway.support.web;

import com.paystream.platform.input.InputReason;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The framework's own 4xx (a status exception raised outside the API's handlers: by routing, codecs
 * or request reading) as problem+json with the input policy's reason, instead of Spring Boot's
 * error JSON. Runs before Boot's handler ({@code -1}); anything else it leaves to Boot.
 */
@Component
@Order(-2)
public class StatusProblems implements WebExceptionHandler {

  private static final Map<Integer, InputReason> REASONS =
      Map.of(
          400, InputReason.MALFORMED_REQUEST,
          404, InputReason.NOT_FOUND,
          405, InputReason.METHOD_NOT_ALLOWED,
          406, InputReason.NOT_ACCEPTABLE,
          413, InputReason.PAYLOAD_TOO_LARGE,
          414, InputReason.URI_TOO_LONG,
          415, InputReason.UNSUPPORTED_MEDIA_TYPE,
          431, InputReason.HEADERS_TOO_LARGE);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (error instanceof ResponseStatusException status
        && REASONS.containsKey(status.getStatusCode().value())) {
      HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
      return EdgeRefusals.write(
          exchange,
          code,
          REASONS.get(code.value()),
          "the request was refused: " + code.getReasonPhrase());
    }
    return Mono.error(error);
  }
}
