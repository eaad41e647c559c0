package com.paystream.ledger.payouts;

import com.paystream.ledger.approvals.ApprovalView;

/** What asking for a payout gave. */
public sealed interface PayoutResult {

  /** The money is held now. */
  record Held(PayoutView payout) implements PayoutResult {}

  /** The payout waits for a second operator; nothing is held yet. */
  record AwaitingApproval(PayoutView payout, ApprovalView approval) implements PayoutResult {}

  /** The same idempotency key and terms were asked before: that payout, as it is now. */
  record Replayed(PayoutView payout) implements PayoutResult {}

  /** Refused; nothing was written. {@code kind} says how a client should see it. */
  record Refused(Kind kind, String code, String reason) implements PayoutResult {}

  /** NOT_FOUND (no such account), CONFLICT (state: key reused, no bank details), INVALID. */
  enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }
}
