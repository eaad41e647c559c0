package com.paystream.ledger.holds;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.platform.approvals.ApprovalRequest;
import java.util.UUID;

/**
 * {@code hold.capture} under four eyes: the request's target is the hold id (its payload {@code
 * {"holdId": ...}} says the same), and the settlement entry books the requester and the approver.
 */
public final class HoldCaptureApproval implements ApprovalAction {

  public static final String ACTION = "hold.capture";

  private final HoldService holds;

  public HoldCaptureApproval(HoldService holds) {
    this.holds = holds;
  }

  /** The request's payload for a hold. */
  public static String payload(UUID holdId) {
    return "{\"holdId\":\"" + holdId + "\"}";
  }

  @Override
  public String name() {
    return ACTION;
  }

  @Override
  public Execution carryOut(ApprovalRequest request, String approvedBy) {
    HoldResult result =
        holds.capture(UUID.fromString(request.target()), request.requestedBy(), approvedBy);
    if (result instanceof HoldResult.Done done) {
      return new Done(done.hold());
    }
    HoldResult.Refused refused = (HoldResult.Refused) result;
    return new Refused(Kind.valueOf(refused.kind().name()), refused.code(), refused.reason());
  }
}
