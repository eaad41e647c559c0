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
  MISSING_IN_STATEMENT,
  // Internal reconciliation: succeeded callbacks against the ledger's journal entries. Appended
  // only: the break stores encode outcomes by ordinal.
  /** A succeeded payment has exactly one journal entry, caused by its callback, same amount. */
  BOOKED,
  /** A succeeded callback the ledger has no journal entry for, past the internal grace. */
  NOT_BOOKED,
  /** A payment entry whose causing callback is not a succeeded callback of the payment. */
  BOOKED_WITHOUT_CALLBACK,
  /** More than one payment entry for one payment. */
  DOUBLE_BOOKED,
  /** The entry and the callback that caused it differ in amount or currency. */
  BOOKED_AMOUNT_MISMATCH,
  // Classification of statement lines (issue 15). Appended only, as above.
  /**
   * A statement line nothing in the ledger explains that cannot be a lost order: outgoing, not an
   * incoming payment, or not naming a payment of this suite. A break for operators; the gateway
   * starts no status query for it.
   */
  UNMATCHED_LINE,
  /** A payout on the statement: reported as such, awaiting settlement (not a break). */
  PAYOUT_AWAITING_SETTLEMENT,
  /** A fee on the statement: reported as such, awaiting settlement (not a break). */
  FEE_AWAITING_SETTLEMENT;

  /** True for the outcomes of internal reconciliation (callbacks against journal entries). */
  public boolean internal() {
    return ordinal() >= BOOKED.ordinal() && ordinal() <= BOOKED_AMOUNT_MISMATCH.ordinal();
  }

  /** True for statement lines reported as their kind, awaiting settlement: never a break. */
  public boolean awaitingSettlement() {
    return this == PAYOUT_AWAITING_SETTLEMENT || this == FEE_AWAITING_SETTLEMENT;
  }

  /** True for the outcomes that are agreements, not breaks. */
  public boolean agreement() {
    return this == MATCHED || this == BOOKED;
  }
}
