package com.paystream.recon.approvals.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.approvals.ApprovalView;
import com.paystream.recon.approvals.Approvals;
import com.paystream.recon.instances.Holders;
import com.paystream.recon.instances.Scope;
import com.paystream.security.servlet.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Four eyes over HTTP: {@code GET /v1/approvals?state=&limit=}, {@code GET /v1/approvals/{id}},
 * {@code POST /v1/approvals/{id}/approve} and {@code POST /v1/approvals/{id}/reject} with an
 * optional {@code {"reason": "..."}}. The decider is the authenticated operator; a body naming
 * anybody is refused.
 */
@RestController
public class ApprovalsController {

  private static final Set<String> STATES = Set.of("PENDING", "APPROVED", "REJECTED", "EXPIRED");
  private static final int MAX_LIMIT = 500;

  private final Approvals approvals;
  private final Holders holders;

  public ApprovalsController(Approvals approvals, Holders holders) {
    this.approvals = approvals;
    this.holders = holders;
  }

  /** The decider's optional reason; who decides is not the body's to say. */
  public record DecisionRequest(
      String reason, String approvedBy, String rejectedBy, String decidedBy, String requestedBy) {}

  @GetMapping("/v1/approvals")
  public List<ApprovalView> list(
      @RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw badRequest("limit must be within 1.." + MAX_LIMIT);
    }
    Optional<String> wanted =
        Optional.ofNullable(state)
            .filter(s -> !s.isBlank())
            .map(s -> s.strip().toUpperCase(Locale.ROOT));
    if (wanted.isPresent() && !STATES.contains(wanted.get())) {
      throw badRequest("state must be one of " + STATES);
    }
    return approvals.list(wanted, limit);
  }

  @GetMapping("/v1/approvals/{approvalId}")
  public ApprovalView get(@PathVariable String approvalId) {
    return approvals.find(id(approvalId));
  }

  /**
   * Approved where the request's target is held: a break held by another instance is resolved by
   * it, so the same call goes there and its answer comes back as it is ({@code scope=local} decides
   * here whatever holds the target).
   */
  @PostMapping("/v1/approvals/{approvalId}/approve")
  public ResponseEntity<?> approve(
      @PathVariable String approvalId,
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      @RequestBody(required = false) DecisionRequest request,
      HttpServletRequest http) {
    UUID id = id(approvalId);
    String reason = reason(request);
    if (Scope.of(scope) == Scope.WHOLE) {
      Optional<ResponseEntity<byte[]>> holder =
          approvals
              .whereabouts(id)
              .flatMap(target -> holders.answerFromHolder(target, http, Map.of("reason", reason)));
      if (holder.isPresent()) {
        return holder.get();
      }
    }
    return ResponseEntity.ok(approvals.approve(id, Actors.current().label(), reason));
  }

  @PostMapping("/v1/approvals/{approvalId}/reject")
  public Approvals.Decided reject(
      @PathVariable String approvalId, @RequestBody(required = false) DecisionRequest request) {
    return approvals.reject(id(approvalId), Actors.current().label(), reason(request));
  }

  private static String reason(DecisionRequest request) {
    if (request == null) {
      return "";
    }
    if (request.approvedBy() != null
        || request.rejectedBy() != null
        || request.decidedBy() != null
        || request.requestedBy() != null) {
      throw badRequest("who decides is taken from your credentials; remove it from the body");
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.length() > 2000) {
      throw badRequest("the reason is longer than 2000 characters");
    }
    return reason;
  }

  private static UUID id(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw badRequest(InputPolicy.echo(value) + " is not an approval id");
    }
  }

  private static ResponseStatusException badRequest(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }
}
