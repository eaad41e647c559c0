package com.paystream.gateway.support.web;

import com.paystream.gateway.support.json.StrictJson.InvalidJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns the API's expected refusals into problem answers, and anything else into a 503 that says
 * nothing was changed (each state change is one transaction, so a failure leaves no half).
 */
public final class ApiErrors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  /**
   * The exchange attribute where a refusal's reason code and detail are left for the audit of
   * refused requests.
   */
  public static final String REFUSAL_REASON = "paystream.audit.refusal-reason";

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @Override
  public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
    return Mono.defer(() -> next.handle(request)).onErrorResume(error -> answer(request, error));
  }

  private static Mono<ServerResponse> answer(ServerRequest request, Throwable error) {
    String path = request.path();
    if (error instanceof ApiException api) {
      request
          .exchange()
          .getAttributes()
          .put(REFUSAL_REASON, api.reason() + ": " + api.getMessage());
      Problem problem = Problem.of(api.status(), api.reason(), api.title(), api.getMessage(), path);
      return api.status() == 401
          ? ServerResponse.status(401)
              .header("WWW-Authenticate", "Bearer")
              .contentType(MediaType.APPLICATION_PROBLEM_JSON)
              .bodyValue(problem)
          : problem.response();
    }
    if (error instanceof InvalidJson invalid) {
      request
          .exchange()
          .getAttributes()
          .put(REFUSAL_REASON, "invalid_request: " + invalid.getMessage());
      return Problem.of(400, "invalid_request", "Invalid request", invalid.getMessage(), path)
          .response();
    }
    if (error instanceof DataBufferLimitException) {
      return Problem.of(413, "payload_too_large", "Payload too large", "body too large", path)
          .response();
    }
    if (error instanceof ServerWebInputException input) {
      return Problem.of(400, "invalid_request", "Invalid request", input.getReason(), path)
          .response();
    }
    log.error("API request {} {} failed", request.method(), path, error);
    return ServerResponse.status(503)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(
            Problem.of(
                503,
                "unavailable",
                "Service unavailable",
                "nothing was changed; retry with the same Idempotency-Key",
                path));
  }
}
