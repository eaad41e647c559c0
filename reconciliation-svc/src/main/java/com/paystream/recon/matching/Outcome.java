package com.paystream.recon.matching;

/** What reconciliation found for a payment reference. */
public enum Outcome {
  /** Statement and ledger agree (within the tolerance), in every currency. */
  MATCHED,
  /** Both sides have the payment but the amounts or currencies differ. */
  AMOUNT_MISMATCH,
  /** The same line or booking appeared a second time under another identity. */
  DUPLICATE,
  /** The statement shows money the ledger never booked, past the grace period. */
  LOST_ORDER,
  /** The ledger booked money the statement did not show, past its cutoff plus grace. */
  MISSING_IN_STATEMENT
}
