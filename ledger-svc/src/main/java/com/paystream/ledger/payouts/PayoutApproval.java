package com.paystream.ledger.payouts;

import com.paystream.ledger.approvals.ApprovalAction;
import com.paystream.ledger.holds.HoldResult;
import com.paystream.platform.approvals.ApprovalRequest;
import java.util.function.Supplier;

/**
 * {@code merchant-payout.request} under four eyes: the request's target is the payout id (its
 * payload {@code {"payoutId": ...}} says the same); approving it places the payout's hold, in the
 * approval's transaction. A hold refused now (the merchant's money was spent meanwhile) leaves the
 * approval undecided.
 */
public final class PayoutApproval implements ApprovalAction {

  // A supplier: the service asks the approvals for requests, and the approvals need this action.
  private final Supplier<PayoutService> payouts;

  public PayoutApproval(Supplier<PayoutService> payouts) {
    this.payouts = payouts;
  }

  static String payload(PayoutId payoutId) {
    return "{\"payoutId\":\"" + payoutId + "\"}";
  }

  @Override
  public String name() {
    return PayoutService.ACTION;
  }

  @Override
  public Execution carryOut(ApprovalRequest request, String approvedBy) {
    HoldResult held = payouts.get().approve(request.target());
    if (held instanceof HoldResult.Refused refused) {
      return new Refused(Kind.valueOf(refused.kind().name()), refused.code(), refused.reason());
    }
    return new Done(payouts.get().view(request.target()).orElseThrow());
  }
}
