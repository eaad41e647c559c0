package com.paystream.gateway.support.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem answers written straight to the exchange, for refusals made before any handler: the edge
 * filter's and the exception handler's. The detail names the path by at most {@value
 * InputPolicy#ECHO_LIMIT} characters.
 */
public final class EdgeRefusals {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EdgeRefusals() {}

  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, InputReason reason, String detail) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    String path = exchange.getRequest().getURI().getRawPath();
    exchange.getAttributes().put(ApiErrors.REFUSAL_REASON, reason.code() + ": " + detail);
    Problem problem =
        new Problem(
            Problem.TYPE_BASE + reason.code(),
            status.getReasonPhrase(),
            status.value(),
            detail,
            Problem.instance(path),
            reason.code(),
            null);
    byte[] body = JSON.writeValueAsBytes(problem);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /** A value for a detail: at most the echo limit, control characters replaced. */
  public static String echo(String value) {
    return InputPolicy.echo(value == null ? "" : value);
  }
}
