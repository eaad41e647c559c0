package com.paystream.gateway.approvals.web;

import com.paystream.gateway.approvals.StoredApproval;
import com.paystream.gateway.approvals.application.Approvals;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.platform.approvals.ApprovalRequest;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * How approvals are answered: {@code 202} with the pending request for the endpoints that ask for
 * one, the approval's JSON, and the refusals as problems.
 */
public final class ApprovalJson {

  private ApprovalJson() {}

  /** The approval as the API shows it. */
  public static Map<String, Object> view(StoredApproval approval, Instant now) {
    ApprovalRequest request = approval.request();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("approvalId", request.requestId().toString());
    json.put("state", approval.state(now).name());
    json.put("action", request.action());
    json.put("target", request.target());
    json.put("amountMinor", request.amountMinor());
    json.put("currency", request.currency());
    json.put("reason", request.reason());
    json.put("requestedBy", request.requestedBy());
    json.put("requestedAt", request.requestedAt().toString());
    json.put("expiresAt", request.expiresAt().toString());
    approval
        .decision()
        .ifPresent(
            decision -> {
              json.put("decidedBy", decision.decidedBy());
              json.put("decidedAt", decision.decidedAt().toString());
              json.put("decisionReason", decision.reason());
            });
    return json;
  }

  /**
   * The answer of an endpoint whose action needs a second operator: 202 and where to follow the
   * request, or the refusal.
   */
  public static Mono<ServerResponse> requested(Approvals.Result result, Instant now) {
    if (result instanceof Approvals.Recorded recorded) {
      return ServerResponse.accepted()
          .location(URI.create("/v1/approvals/" + recorded.approval().request().requestId()))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(view(recorded.approval(), now));
    }
    return Mono.error(refusal(result));
  }

  /** The problem for a refused request or decision. */
  public static ApiException refusal(Approvals.Result result) {
    if (result instanceof Approvals.ActionDeclined declined) {
      String detail = declined.declined().getMessage();
      return switch (declined.declined().kind()) {
        case NOT_FOUND -> ApiException.absent(detail);
        case NO_CHANGE -> ApiException.noChange(detail);
        case INVALID_STATE -> ApiException.invalidState(detail);
        case INVALID_REQUEST -> ApiException.unprocessable(detail);
        case PROVIDER_REFUSED -> ApiException.providerRefused(detail);
        case PROVIDER_UNAVAILABLE -> ApiException.providerUnavailable(detail);
      };
    }
    Approvals.Refused refused = (Approvals.Refused) result;
    return switch (refused.why()) {
      case NOT_FOUND -> ApiException.absent(refused.detail());
      case SELF_APPROVAL -> new ApiException(403, "self-approval", "Forbidden", refused.detail());
      case ALREADY_DECIDED ->
          new ApiException(409, "already-decided", "Already decided", refused.detail());
      case EXPIRED -> new ApiException(409, "expired", "Expired", refused.detail());
      case KEY_REUSED -> ApiException.unprocessable(refused.detail());
    };
  }
}
