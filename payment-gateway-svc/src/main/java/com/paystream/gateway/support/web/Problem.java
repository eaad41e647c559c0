package com.paystream.gateway.support.web;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * An RFC 9457 problem body ({@code application/problem+json}), with a stable {@code reason} code as
 * an extension member: clients and dashboards key on the reason, people read the detail.
 */
public record Problem(
    String type, String title, int status, String detail, String instance, String reason) {

  public static final String TYPE_BASE = "https://paystream.dev/problems/";

  public static Problem of(int status, String reason, String title, String detail, String path) {
    return new Problem(TYPE_BASE + reason.replace('_', '-'), title, status, detail, path, reason);
  }

  public Mono<ServerResponse> response() {
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(this);
  }
}
