package com.paystream.ledger.holds.web;

import com.paystream.ledger.holds.HoldResult;
import com.paystream.ledger.holds.HoldService;
import com.paystream.ledger.holds.PlaceHold;
import com.paystream.security.servlet.Actors;
import java.net.URI;
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
 * Holds over HTTP. Placing is idempotent by the client's hold id (201 first, 200 on replay);
 * capture and release are idempotent too. 404 unknown hold or account, 409 against the hold's
 * state, 422 refused (e.g. INSUFFICIENT_FUNDS), each as a problem document with a {@code code}.
 */
@RestController
public class HoldsController {

  private final HoldService holds;

  public HoldsController(HoldService holds) {
    this.holds = holds;
  }

  @PostMapping("/v1/holds")
  public ResponseEntity<?> place(@RequestBody PlaceHold request) {
    if (request.holdId() == null
        || request.accountCode() == null
        || request.counterAccountCode() == null
        || request.currency() == null
        || request.amountMinor() <= 0) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "INVALID_REQUEST",
          "holdId, accountCode, counterAccountCode, currency and a positive amountMinor are"
              + " required");
    }
    if (request.requestedBy() != null) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "requestedBy is taken from your credentials; remove it from the request body");
    }
    HoldResult result = holds.place(request.by(Actors.current().label()));
    if (result instanceof HoldResult.Done done && done.created()) {
      return ResponseEntity.created(URI.create("/v1/holds/" + request.holdId())).body(done.hold());
    }
    return respond(result);
  }

  @GetMapping("/v1/holds/{holdId}")
  public ResponseEntity<?> hold(@PathVariable UUID holdId) {
    return holds
        .find(holdId)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "UNKNOWN_HOLD", "no hold " + holdId));
  }

  @PostMapping("/v1/holds/{holdId}/capture")
  public ResponseEntity<?> capture(@PathVariable UUID holdId) {
    return respond(holds.capture(holdId));
  }

  @PostMapping("/v1/holds/{holdId}/release")
  public ResponseEntity<?> release(@PathVariable UUID holdId) {
    return respond(holds.release(holdId));
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
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    return ResponseEntity.status(status).body(problem);
  }
}
