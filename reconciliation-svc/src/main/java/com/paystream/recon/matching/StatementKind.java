package com.paystream.recon.matching;

/**
 * What a statement line is, as matching sees it (the contract's line kind). It decides what a line
 * is matched as, before any matching: only an incoming {@link #PAYMENT} can be a lost order, {@link
 * #PAYOUT} and {@link #FEE} wait for the settlement the ledger does not book yet, and everything
 * else nets against the ledger under its reference.
 */
public enum StatementKind {
  PAYMENT,
  REFUND,
  PAYOUT,
  FEE,
  OTHER,
  /** A disputed payment the provider took back (payout reports, since issue 19). */
  CHARGEBACK;

  /** Payouts and fees: money the provider settles, not a payment of ours. */
  public boolean settlement() {
    return this == PAYOUT || this == FEE;
  }
}
