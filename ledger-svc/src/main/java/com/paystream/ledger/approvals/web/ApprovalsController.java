package com.paystream.ledger.approvals.web;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.ApprovalView;
import com.paystream.ledger.approvals.DecisionResult;
import com.paystream.ledger.audit.web.Acts;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerProblems;
import com.paystream.platform.approvals.ApprovalDecision;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Four-eyes requests: operators and auditors list and read them, operators approve or reject
 * another operator's request (optional body {@code {"reason": "..."}}). 200 with the approval (and
 * the action's result when approved); 403 {@code self-approval}; 409 {@code already-decided} or
 * {@code expired}; 404 unknown; the action's own 404/409/422 when it cannot be carried out now.
 */
@RestController
public class ApprovalsController {

  private static final List<String> STATES = List.of("PENDING", "APPROVED", "REJECTED", "EXPIRED");

  private final ApprovalService approvals;
  private final LedgerInput input;

  public ApprovalsController(ApprovalService approvals, LedgerInput input) {
    this.approvals = approvals;
    this.input = input;
  }

  /** A decision's optional body. Who decides comes from the credentials, never from here. */
  public record DecisionBody(
      String reason, String approvedBy, String resolvedBy, String decidedBy) {}

  @GetMapping("/v1/approvals")
  public ResponseEntity<?> list(
      @RequestParam Optional<String> state, @RequestParam Optional<String> limit) {
    state.ifPresent(given -> input.oneOf("state", given, STATES));
    int max = input.pageSize("limit", limit, 100, 500);
    return ResponseEntity.ok(Map.of("items", approvals.list(state, max)));
  }

  @GetMapping("/v1/approvals/{approvalId}")
  public ResponseEntity<?> approval(@PathVariable("approvalId") String approvalIdText) {
    UUID approvalId = input.uuid("approvalId", approvalIdText);
    return approvals
        .find(approvalId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> unknown(approvalId));
  }

  @PostMapping("/v1/approvals/{approvalId}/approve")
  public ResponseEntity<?> approve(
      @PathVariable("approvalId") String approvalIdText,
      @RequestBody(required = false) DecisionBody body,
      HttpServletRequest request) {
    return decide(
        input.uuid("approvalId", approvalIdText), ApprovalDecision.Verdict.APPROVED, body, request);
  }

  @PostMapping("/v1/approvals/{approvalId}/reject")
  public ResponseEntity<?> reject(
      @PathVariable("approvalId") String approvalIdText,
      @RequestBody(required = false) DecisionBody body,
      HttpServletRequest request) {
    return decide(
        input.uuid("approvalId", approvalIdText), ApprovalDecision.Verdict.REJECTED, body, request);
  }

  private ResponseEntity<?> decide(
      UUID approvalId,
      ApprovalDecision.Verdict verdict,
      DecisionBody body,
      HttpServletRequest request) {
    if (body != null
        && (body.approvedBy() != null || body.resolvedBy() != null || body.decidedBy() != null)) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "who decides is taken from your credentials; remove it from the request body");
    }
    String reason =
        body == null || body.reason() == null ? "" : input.text("reason", body.reason());
    DecisionResult result = approvals.decide(approvalId, verdict, reason, Acts.current(request));
    if (result instanceof DecisionResult.Approved approved) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("approval", approved.approval());
      answer.put("result", approved.result());
      return ResponseEntity.ok(answer);
    }
    if (result instanceof DecisionResult.Rejected rejected) {
      return ResponseEntity.ok(Map.of("approval", rejected.approval()));
    }
    if (result instanceof DecisionResult.Refused refused) {
      HttpStatus status =
          "self-approval".equals(refused.reason()) ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
      return LedgerProblems.problem(status, refused.reason(), refused.detail());
    }
    if (result instanceof DecisionResult.ActionRefused refused) {
      ApprovalAction.Refused why = refused.refusal();
      HttpStatus status =
          switch (why.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
          };
      return problem(status, why.code(), why.reason());
    }
    return unknown(approvalId);
  }

  /** The 202 answer of an endpoint whose change now waits for a second operator. */
  public static ResponseEntity<Map<String, Object>> accepted(ApprovalView view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("approvalId", view.approvalId());
    body.put("state", view.state());
    body.put("action", view.action());
    body.put("target", view.target());
    body.put("requestedBy", view.requestedBy());
    body.put("expiresAt", view.expiresAt());
    return ResponseEntity.accepted()
        .location(java.net.URI.create("/v1/approvals/" + view.approvalId()))
        .body(body);
  }

  private static ResponseEntity<ProblemDetail> unknown(UUID approvalId) {
    return problem(HttpStatus.NOT_FOUND, "UNKNOWN_APPROVAL", "no approval " + approvalId);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String code, String detail) {
    return LedgerProblems.problem(status, code, detail);
  }
}
