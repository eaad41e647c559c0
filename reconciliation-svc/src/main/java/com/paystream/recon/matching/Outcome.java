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
  FEE_AWAITING_SETTLEMENT,
  // Second leg (issue 19), appended only, as above. Leg A, per payout reference: the provider's
  // payout report against the bank line that moved the money, and merchant payouts.
  /** The bank moved the payout's net within the tolerance: settled. */
  PAYOUT_MATCHED,
  /** No bank line for the payout by the end of its arrival window. */
  PAYOUT_MISSING,
  /** The bank moved less than the payout's net, beyond the tolerance: settled, difference open. */
  PAYOUT_SHORT,
  /** The bank moved more than the payout's net, beyond the tolerance: settled, difference open. */
  PAYOUT_OVER,
  // Leg B, per payment reference: the payout lines naming a payment against the ledger's
  // provider clearing movements of it.
  /** The payout lines of a payment agree with its clearing movements. */
  PAID_OUT,
  /** A payout line for a payment the books never saw, after the grace. */
  PAYOUT_LINE_UNKNOWN,
  /** Payout lines and clearing movements of a payment differ beyond the tolerance. */
  PAYOUT_LINE_MISMATCH,
  /** A payment booked on provider clearing that no payout contained after the configured days. */
  NOT_PAID_OUT,
  /** A chargeback line on a payout report: money the provider took back. */
  CHARGEBACK,
  /** The bank debited a merchant payout. */
  MERCHANT_PAYOUT_CONFIRMED,
  /** The bank returned a merchant payout: open until an operator resolves it. */
  MERCHANT_PAYOUT_RETURNED;

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
    return this == MATCHED || this == BOOKED || this == PAYOUT_MATCHED || this == PAID_OUT;
  }

  /**
   * True for the outcomes of leg B (payout lines against provider clearing, per payment): an
   * operator's resolution of one of them goes to that matcher.
   */
  public boolean paymentPayoutLeg() {
    return ordinal() >= PAID_OUT.ordinal() && ordinal() <= CHARGEBACK.ordinal();
  }
}
