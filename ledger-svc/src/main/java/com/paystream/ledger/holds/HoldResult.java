package com.paystream.ledger.holds;

/** The outcome of a hold operation: done (now or earlier), or refused with a reason. */
public sealed interface HoldResult {

  /**
   * The hold in its state after the operation. {@code created} is true when this call changed the
   * hold (placed, captured or released it), false on an idempotent replay.
   */
  record Done(HoldView hold, boolean created) implements HoldResult {}

  /** Refused; {@code kind} says how a client should see it. */
  record Refused(Kind kind, String code, String reason) implements HoldResult {}

  /** NOT_FOUND: no such hold or account; CONFLICT: against the hold's state; INVALID: the input. */
  enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }
}
