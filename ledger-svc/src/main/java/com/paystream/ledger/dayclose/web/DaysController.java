package com.paystream.ledger.dayclose.web;

import com.paystream.ledger.approvals.ApprovalService;
import com.paystream.ledger.approvals.web.ApprovalsController;
import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.audit.web.Acts;
import com.paystream.ledger.audit.web.AuditActions;
import com.paystream.ledger.dayclose.CloseResult;
import com.paystream.ledger.dayclose.DayCloseService;
import com.paystream.ledger.dayclose.DayStatus;
import com.paystream.ledger.dayclose.EarlyCloseApproval;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business dates: their close status and trial balance, and closing one on demand. */
@RestController
public class DaysController {

  private static final List<String> EARLY = List.of("true", "false");

  private final DayCloseService closes;
  private final ApprovalService approvals;
  private final AuditTrail audit;
  private final LedgerInput input;

  public DaysController(
      DayCloseService closes, ApprovalService approvals, AuditTrail audit, LedgerInput input) {
    this.closes = closes;
    this.approvals = approvals;
    this.audit = audit;
    this.input = input;
  }

  @GetMapping("/v1/days/{date}")
  public DayStatus status(@PathVariable("date") String dateText) {
    return closes.status(input.date("date", dateText));
  }

  /**
   * 200 with the status when closed (now or before); 409 when it cannot close yet. With {@code
   * early=true} the current business date closes before its cutoff, if early closes are enabled;
   * when the approval policy asks for it ({@code day.close-early}), that early close answers 202
   * with an approval request and happens only when a second operator approves it. The close and its
   * audit record are one transaction.
   */
  @PostMapping("/v1/days/{date}/close")
  public ResponseEntity<?> close(
      @PathVariable("date") String dateText,
      @RequestParam("early") Optional<String> earlyText,
      HttpServletRequest http) {
    LocalDate date = input.date("date", dateText);
    boolean early = early(earlyText);
    Act act = Acts.current(http);
    if (early
        && closes.wouldEndEarly(date)
        && approvals.needsSecondOperator(EarlyCloseApproval.ACTION, 0)) {
      Optional<String> refusal = closes.earlyCloseRefusal(date);
      if (refusal.isPresent()) {
        return conflict(refusal.get());
      }
      return ApprovalsController.accepted(
          approvals.request(
              act,
              EarlyCloseApproval.ACTION,
              date.toString(),
              EarlyCloseApproval.payload(date),
              0,
              "",
              "end business date " + date + " before its cutoff"));
    }
    CloseResult result =
        audit.accepted(
            act,
            early ? AuditActions.DAY_CLOSE_EARLY : AuditActions.DAY_CLOSE,
            date.toString(),
            "",
            () -> early ? closes.closeEarly(date) : closes.close(date),
            CloseResult.Closed.class::isInstance);
    if (result instanceof CloseResult.Closed closed) {
      return ResponseEntity.ok(closed.status());
    }
    return conflict(((CloseResult.NotClosable) result).reason());
  }

  private boolean early(Optional<String> early) {
    return early.map(e -> Boolean.parseBoolean(input.oneOf("early", e, EARLY))).orElse(false);
  }

  private static ResponseEntity<ProblemDetail> conflict(String reason) {
    return LedgerProblems.problem(HttpStatus.CONFLICT, "NOT_CLOSABLE", reason);
  }
}
