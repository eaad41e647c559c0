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
  BOOKED_AMOUNT_MISMATCH;

  /** True for the outcomes of internal reconciliation (callbacks against journal entries). */
  public boolean internal() {
    return ordinal() >= BOOKED.ordinal();
  }

  /** True for the outcomes that are agreements, not breaks. */
  public boolean agreement() {
    return this == MATCHED || this == BOOKED;
  }
}
