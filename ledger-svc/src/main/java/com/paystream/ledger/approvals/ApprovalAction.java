package com.paystream.ledger.approvals;

import com.paystream.platform.approvals.ApprovalRequest;

/**
 * A change that may wait for a second operator: the feature that owns it carries it out from the
 * request once approved, inside the approval's transaction.
 */
public interface ApprovalAction {

  /** The action's name, as in the policy and the audit trail ({@code hold.capture}). */
  String name();

  /**
   * Carries {@code request} out as its requester asked and {@code approvedBy} approved. A refusal
   * must leave nothing written: the approval's transaction is rolled back.
   */
  Execution carryOut(ApprovalRequest request, String approvedBy);

  /** What carrying a request out gave. */
  sealed interface Execution {}

  /** Done; {@code result} is what the action's own endpoint would have answered. */
  record Done(Object result) implements Execution {}

  /** Refused now (e.g. the hold was released meanwhile); {@code kind} as the action's endpoint. */
  record Refused(Kind kind, String code, String reason) implements Execution {}

  /** NOT_FOUND, CONFLICT (against the target's state) or INVALID (e.g. insufficient funds). */
  enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }
}
