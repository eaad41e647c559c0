package com.paystream.ledger.holds.web;

import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.ApprovalView;
import com.paystream.ledger.approvals.web.ApprovalsController;
import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.audit.web.Acts;
import com.paystream.ledger.audit.web.AuditActions;
import com.paystream.ledger.holds.HoldCaptureApproval;
import com.paystream.ledger.holds.HoldResult;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.holds.HoldView;
import com.paystream.ledger.holds.PlaceHold;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerProblems;
import com.paystream.platform.money.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holds over HTTP. Placing is idempotent by the client's hold id (201 first, 200 on replay), with
 * an optional deadline ({@code expiresAt}); capture (of all of it, or of {@code {"amountMinor": n}}
 * with the rest released) and release are idempotent too. 404 unknown hold or account, 409 against
 * the hold's state, 422 refused (e.g. INSUFFICIENT_FUNDS), each as a problem document with a {@code
 * code}. A capture that needs a second operator ({@code hold.capture} in the approval policy)
 * answers 202 with the approval request and captures nothing until another operator approves it.
 * Every change is audited in its own transaction; refusals by the audit's refusal recorder.
 */
@RestController
public class HoldsController {

  private final HoldService holds;
  private final ApprovalService approvals;
  private final AuditTrail audit;
  private final LedgerInput input;

  public HoldsController(
      HoldService holds, ApprovalService approvals, AuditTrail audit, LedgerInput input) {
    this.holds = holds;
    this.approvals = approvals;
    this.audit = audit;
    this.input = input;
  }

  @PostMapping("/v1/holds")
  public ResponseEntity<?> place(@RequestBody HoldRequest body, HttpServletRequest http) {
    if (body.requestedBy() != null) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "requestedBy is taken from your credentials; remove it from the request body");
    }
    PlaceHold request = placeHold(body);
    Act act = Acts.current(http);
    HoldResult result =
        audit.accepted(
            act,
            AuditActions.HOLD_PLACE,
            request.holdId().toString(),
            request.reason(),
            () -> holds.place(request.by(act.actor())),
            HoldResult.Done.class::isInstance);
    if (result instanceof HoldResult.Done done && done.created()) {
      return ResponseEntity.created(URI.create("/v1/holds/" + request.holdId())).body(done.hold());
    }
    return respond(result);
  }

  /** The body through the input policy; the hold's own rules (funds, same account) come later. */
  private PlaceHold placeHold(HoldRequest body) {
    UUID holdId = input.uuid("holdId", body.holdId());
    String account = input.identifier("accountCode", body.accountCode());
    String counter = input.identifier("counterAccountCode", body.counterAccountCode());
    Money amount = input.amount("amountMinor", body.amountMinor(), body.currency());
    String reason = input.text("reason", body.reason());
    Instant expiresAt =
        body.expiresAt() == null ? null : input.instant("expiresAt", body.expiresAt());
    return new PlaceHold(
        holdId,
        account,
        counter,
        amount.minor(),
        amount.currency().getCurrencyCode(),
        reason,
        null,
        expiresAt);
  }

  @GetMapping("/v1/holds/{holdId}")
  public ResponseEntity<?> hold(@PathVariable("holdId") String holdIdText) {
    UUID holdId = input.uuid("holdId", holdIdText);
    return holds
        .find(holdId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "UNKNOWN_HOLD", "no hold " + holdId));
  }

  /** A capture's optional body: the part of the hold to capture (none: all of it). */
  record CaptureRequest(BigDecimal amountMinor, String requestedBy) {}

  @PostMapping("/v1/holds/{holdId}/capture")
  public ResponseEntity<?> capture(
      @PathVariable("holdId") String holdIdText,
      @RequestBody(required = false) CaptureRequest body,
      HttpServletRequest http) {
    UUID holdId = input.uuid("holdId", holdIdText);
    if (body != null && body.requestedBy() != null) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "requestedBy is taken from your credentials; remove it from the request body");
    }
    Act act = Acts.current(http);
    Optional<HoldView> hold = holds.find(holdId);
    Long part =
        body == null || body.amountMinor() == null || hold.isEmpty()
            ? null
            : input.amount("amountMinor", body.amountMinor(), hold.get().currency()).minor();
    if (hold.isPresent()
        && hold.get().isOpen()
        && approvals.needsSecondOperator(
            HoldCaptureApproval.ACTION, part == null ? hold.get().amountMinor() : part)) {
      ApprovalView requested =
          approvals.request(
              act,
              HoldCaptureApproval.ACTION,
              holdId.toString(),
              HoldCaptureApproval.payload(holdId, part),
              part == null ? hold.get().amountMinor() : part,
              hold.get().currency(),
              "capture of hold " + holdId + ": " + hold.get().reason());
      return ApprovalsController.accepted(requested);
    }
    return respond(
        audit.accepted(
            act,
            AuditActions.HOLD_CAPTURE,
            holdId.toString(),
            "",
            () -> holds.capture(holdId, part, act.actor(), null),
            HoldResult.Done.class::isInstance));
  }

  @PostMapping("/v1/holds/{holdId}/release")
  public ResponseEntity<?> release(
      @PathVariable("holdId") String holdIdText, HttpServletRequest http) {
    UUID holdId = input.uuid("holdId", holdIdText);
    Act act = Acts.current(http);
    return respond(
        audit.accepted(
            act,
            AuditActions.HOLD_RELEASE,
            holdId.toString(),
            "",
            () -> holds.release(holdId, act.actor()),
            HoldResult.Done.class::isInstance));
  }

  private static ResponseEntity<?> respond(HoldResult result) {
    if (result instanceof HoldResult.Done done) {
      return ResponseEntity.ok(done.hold());
    }
    HoldResult.Refused refused = (HoldResult.Refused) result;
    HttpStatus status =
        switch (refused.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    return problem(status, refused.code(), refused.reason());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String code, String detail) {
    return LedgerProblems.problem(status, code, detail);
  }
}
