package com.paystream.relay.approvals.web;

import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.relay.approvals.ApprovalView;
import com.paystream.relay.approvals.Approvals;
import com.paystream.relay.input.RequestInput;
import com.paystream.security.servlet.Actors;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Four eyes over HTTP: {@code GET /v1/approvals?state=&limit=}, {@code GET /v1/approvals/{id}},
 * {@code POST /v1/approvals/{id}/approve} and {@code POST /v1/approvals/{id}/reject} with an
 * optional {@code {"reason": "..."}}. The decider is the authenticated operator; a body naming
 * anybody is refused.
 */
@RestController
public class ApprovalsController {

  private static final List<String> STATES = List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED");
  private static final int MAX_LIMIT = 500;

  private final Approvals approvals;
  private final RequestInput input;

  public ApprovalsController(Approvals approvals, RequestInput input) {
    this.approvals = approvals;
    this.input = input;
  }

  /** The decider's optional reason; who decides is not the body's to say. */
  public record DecisionRequest(
      String reason, String approvedBy, String rejectedBy, String decidedBy, String requestedBy) {}

  @GetMapping("/v1/approvals")
  public List<ApprovalView> list(
      @RequestParam(required = false) String state, @RequestParam(required = false) String limit) {
    int size = input.pageSize("limit", limit, 100, MAX_LIMIT);
    Optional<String> wanted =
        Optional.ofNullable(state)
            .filter(s -> !s.isBlank())
            .map(s -> input.oneOf("state", s, STATES));
    return approvals.list(wanted, size);
  }

  @GetMapping("/v1/approvals/{approvalId}")
  public ApprovalView get(@PathVariable String approvalId) {
    return approvals.find(input.uuid("approvalId", approvalId));
  }

  @PostMapping("/v1/approvals/{approvalId}/approve")
  public Approvals.Decided approve(
      @PathVariable String approvalId, @RequestBody(required = false) DecisionRequest request) {
    return approvals.approve(
        input.uuid("approvalId", approvalId), Actors.current().label(), reason(request));
  }

  @PostMapping("/v1/approvals/{approvalId}/reject")
  public Approvals.Decided reject(
      @PathVariable String approvalId, @RequestBody(required = false) DecisionRequest request) {
    return approvals.reject(
        input.uuid("approvalId", approvalId), Actors.current().label(), reason(request));
  }

  private String reason(DecisionRequest request) {
    if (request == null) {
      return "";
    }
    if (request.approvedBy() != null
        || request.rejectedBy() != null
        || request.decidedBy() != null
        || request.requestedBy() != null) {
      throw new InputRefusedException(
          InputReason.MALFORMED,
          "decidedBy",
          "who decides is taken from your credentials; remove it from the body");
    }
    String reason = input.text("reason", request.reason());
    return reason == null ? "" : reason;
  }
}
