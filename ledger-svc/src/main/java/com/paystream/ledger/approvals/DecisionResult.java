package com.paystream.ledger.approvals;

/** The answer to an approve or reject. */
public sealed interface DecisionResult {

  /** Approved and carried out: the request as decided and what the action gave. */
  record Approved(ApprovalView approval, Object result) implements DecisionResult {}

  /** Rejected: nothing changed. */
  record Rejected(ApprovalView approval) implements DecisionResult {}

  /** No such request. */
  record Unknown() implements DecisionResult {}

  /**
   * Refused; {@code reason} is {@code self-approval}, {@code already-decided} or {@code expired}.
   */
  record Refused(String reason, String detail) implements DecisionResult {}

  /** The approval stands refused because the action itself was refused now; nothing changed. */
  record ActionRefused(ApprovalAction.Refused refusal) implements DecisionResult {}
}
