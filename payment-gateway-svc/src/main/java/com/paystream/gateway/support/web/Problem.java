package com.paystream.gateway.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputRefusedException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * An RFC 9457 problem body ({@code application/problem+json}), with a stable {@code reason} code as
 * an extension member: clients and dashboards key on the reason, people read the detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String reason,
    String field) {

  public static final String TYPE_BASE = "https://paystream.dev/problems/";

  public static Problem of(int status, String reason, String title, String detail, String path) {
    return new Problem(
        TYPE_BASE + reason.replace('_', '-'), title, status, detail, instance(path), reason, null);
  }

  /**
   * The request path as a problem's {@code instance}: each segment at most {@value
   * com.paystream.platform.input.InputPolicy#ECHO_LIMIT} characters, so that an offending path id
   * is not echoed whole.
   */
  public static String instance(String path) {
    if (path == null) {
      return null;
    }
    return Arrays.stream(path.split("/", -1))
        .map(
            segment ->
                segment.length() > InputPolicy.ECHO_LIMIT
                    ? segment.substring(0, InputPolicy.ECHO_LIMIT) + "…"
                    : segment)
        .collect(Collectors.joining("/"));
  }

  /** An input the policy refused: 400 with the policy's reason and the field at fault. */
  public static Problem refused(InputRefusedException refused, String path) {
    String reason = refused.reason().code();
    return new Problem(
        TYPE_BASE + reason,
        "Input refused",
        400,
        refused.getMessage(),
        instance(path),
        reason,
        refused.field());
  }

  public Mono<ServerResponse> response() {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(this);
  }
}
