package com.paystream.ledger.holds;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.platform.approvals.ApprovalRequest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hold.capture} under four eyes: the request's target is the hold id (its payload {@code
 * {"holdId": ...}} says the same, with {@code "amountMinor"} for a partial capture), and the
 * settlement entry books the requester and the approver.
 */
public final class HoldCaptureApproval implements ApprovalAction {

  public static final String ACTION = "hold.capture";

  private static final Pattern AMOUNT = Pattern.compile("\"amountMinor\":(\\d+)");

  private final HoldService holds;

  public HoldCaptureApproval(HoldService holds) {
    this.holds = holds;
  }

  /** The request's payload for a hold captured whole. */
  public static String payload(UUID holdId) {
    return "{\"holdId\":\"" + holdId + "\"}";
  }

  /** The request's payload for {@code amountMinor} of a hold (null: all of it). */
  public static String payload(UUID holdId, Long amountMinor) {
    return amountMinor == null
        ? payload(holdId)
        : "{\"holdId\":\"" + holdId + "\",\"amountMinor\":" + amountMinor + "}";
  }

  @Override
  public String name() {
    return ACTION;
  }

  @Override
  public Execution carryOut(ApprovalRequest request, String approvedBy) {
    Matcher amount = AMOUNT.matcher(request.payload());
    Long amountMinor = amount.find() ? Long.valueOf(amount.group(1)) : null;
    HoldResult result =
        holds.capture(
            UUID.fromString(request.target()), amountMinor, request.requestedBy(), approvedBy);
    if (result instanceof HoldResult.Done done) {
      return new Done(done.hold());
    }
    HoldResult.Refused refused = (HoldResult.Refused) result;
    return new Refused(Kind.valueOf(refused.kind().name()), refused.code(), refused.reason());
  }
}
