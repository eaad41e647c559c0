package com.paystream.ledger.dayclose;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.platform.approvals.ApprovalRequest;
import java.time.LocalDate;

/**
 * {@code day.close-early} under four eyes: the request's target is the business date (its payload
 * {@code {"businessDate": ...}} says the same); approved, the date closes in the approval's
 * transaction, early if its cutoff has still not passed.
 */
public final class EarlyCloseApproval implements ApprovalAction {

  public static final String ACTION = "day.close-early";

  private final DayCloseService closes;

  public EarlyCloseApproval(DayCloseService closes) {
    this.closes = closes;
  }

  public static String payload(LocalDate date) {
    return "{\"businessDate\":\"" + date + "\"}";
  }

  @Override
  public String name() {
    return ACTION;
  }

  @Override
  public Execution carryOut(ApprovalRequest request, String approvedBy) {
    CloseResult result = closes.closeEarly(LocalDate.parse(request.target()));
    if (result instanceof CloseResult.Closed closed) {
      return new Done(closed.status());
    }
    return new Refused(Kind.CONFLICT, "NOT_CLOSABLE", ((CloseResult.NotClosable) result).reason());
  }
}
