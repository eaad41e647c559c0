package com.paystream.gateway.support.web;

import com.paystream.gateway.support.json.StrictJson.InvalidJson;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
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
 * Turns the API's expected refusals into problem answers, a database that cannot be reached into a
 * 503 {@code database_unavailable}, and anything else into a 503 that says nothing was changed
 * (each state change is one transaction, so a failure leaves no half).
 */
public final class ApiErrors implements HandlerFilterFunction<ServerResponse, ServerResponse> {

  /**
   * The exchange attribute where a refusal's reason code and detail are left for the audit of
   * refused requests.
   */
  public static final String REFUSAL_REASON = "paystream.audit.refusal-reason";

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  /** Long enough for the pool to reconnect after a restart or a failover, short for a caller. */
  private static final String RETRY_AFTER_SECONDS = "5";

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
    if (error instanceof InputRefusedException refused) {
      request
          .exchange()
          .getAttributes()
          .put(REFUSAL_REASON, refused.reason().code() + ": " + refused.getMessage());
      return Problem.refused(refused, path).response();
    }
    if (error instanceof InvalidJson invalid) {
      request
          .exchange()
          .getAttributes()
          .put(REFUSAL_REASON, invalid.reason() + ": " + invalid.getMessage());
      return Problem.of(400, invalid.reason(), "Invalid request", invalid.getMessage(), path)
          .response();
    }
    if (error instanceof DataBufferLimitException) {
      String reason = InputReason.PAYLOAD_TOO_LARGE.code();
      request.attributes().put(REFUSAL_REASON, reason + ": body too large");
      return Problem.of(
              413,
              reason,
              "Payload too large",
              "the body is larger than " + ApiRequests.MAX_BODY_BYTES + " bytes",
              path)
          .response();
    }
    if (error instanceof ServerWebInputException input) {
      String reason = InputReason.MALFORMED_REQUEST.code();
      request.attributes().put(REFUSAL_REASON, reason);
      return Problem.of(400, reason, "Invalid request", "the request could not be read", path)
          .response();
    }
    if (DatabaseOutage.causedBy(error)) {
      log.warn(
          "API request {} {}: database unavailable: {}", request.method(), path, error.toString());
      return ServerResponse.status(503)
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .bodyValue(
              Problem.of(
                  503,
                  "database_unavailable",
                  "Database unavailable",
                  "the database is unavailable; retry later with the same Idempotency-Key",
                  path));
    }
    log.error("API request {} {} failed", request.method(), path, error);
    return ServerResponse.status(503)
        .header("Retry-After", RETRY_AFTER_SECONDS)
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
