package com.paystream.ledger.accounts;

/** Side of a double-entry posting. */
public enum Side {
  DEBIT,
  CREDIT;

  public Side opposite() {
    return this == DEBIT ? CREDIT : DEBIT;
  }
}
