package com.paystream.gateway.approvals.web;

import com.paystream.gateway.approvals.StoredApproval;
import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.auth.web.Callers;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.ApiRequests;
import com.paystream.gateway.support.web.GatewayInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code /v1/approvals}: operators and auditors list and read; operators approve and reject. */
@Component
public class ApprovalHandler {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;
  private static final List<String> NAMES_FROM_THE_PRINCIPAL =
      List.of(
          "requestedBy",
          "requested_by",
          "approvedBy",
          "approved_by",
          "resolvedBy",
          "decidedBy",
          "decided_by");

  private final Callers callers;
  private final Approvals approvals;
  private final GatewayInput input;

  public ApprovalHandler(Callers callers, Approvals approvals, GatewayInput input) {
    this.callers = callers;
    this.approvals = approvals;
    this.input = input;
  }

  /** {@code GET /v1/approvals?state=&limit=}. */
  public Mono<ServerResponse> list(ServerRequest request) {
    Optional<StoredApproval.State> state;
    int limit;
    try {
      state = input.choice(request, "state", StoredApproval.State.class);
      limit = input.pageSize(request, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    } catch (RuntimeException refused) {
      return Mono.error(refused);
    }
    Instant now = approvals.now();
    return approvals
        .list(state, limit)
        .map(approval -> ApprovalJson.view(approval, now))
        .collectList()
        .flatMap(
            items ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("items", items)));
  }

  /** {@code GET /v1/approvals/{id}}. */
  public Mono<ServerResponse> get(ServerRequest request) {
    UUID id = id(request);
    return approvals
        .find(id)
        .flatMap(
            found ->
                found
                    .map(
                        approval ->
                            ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(ApprovalJson.view(approval, approvals.now())))
                    .orElseGet(() -> Mono.error(ApiException.notFound("approval " + id))));
  }

  /** {@code POST /v1/approvals/{id}/approve}, optional body {@code {"reason": "..."}}. */
  public Mono<ServerResponse> approve(ServerRequest request) {
    UUID id = id(request);
    return callers
        .operator(request)
        .flatMap(
            operator -> reason(request).flatMap(reason -> approvals.approve(operator, id, reason)))
        .flatMap(this::answer);
  }

  /** {@code POST /v1/approvals/{id}/reject}, optional body {@code {"reason": "..."}}. */
  public Mono<ServerResponse> reject(ServerRequest request) {
    UUID id = id(request);
    return callers
        .operator(request)
        .flatMap(
            operator -> reason(request).flatMap(reason -> approvals.reject(operator, id, reason)))
        .flatMap(this::answer);
  }

  private Mono<ServerResponse> answer(Approvals.Result result) {
    if (result instanceof Approvals.Decided decided) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("approval", ApprovalJson.view(decided.approval(), approvals.now()));
      decided.result().ifPresent(done -> json.put("result", done));
      return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json);
    }
    return Mono.error(ApprovalJson.refusal(result));
  }

  private Mono<String> reason(ServerRequest request) {
    return ApiRequests.optionalJson(request)
        .map(
            json -> {
              refuseNamesFromTheBody(json);
              return input.optionalText(json, "reason");
            });
  }

  /** Who acts comes from the principal: a body naming someone is refused, not ignored. */
  public static void refuseNamesFromTheBody(JsonNode json) {
    for (String name : NAMES_FROM_THE_PRINCIPAL) {
      if (json.has(name)) {
        throw ApiException.badRequest(
            name + " is taken from the authenticated principal and must not be sent");
      }
    }
  }

  private UUID id(ServerRequest request) {
    return input.pathUuid(request);
  }
}
