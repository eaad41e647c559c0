package com.paystream.gateway.payments;

/** Why a reported status was not simply applied; stored with the status history row. */
public enum StatusFlag {
  /** The same status was reported again; nothing to change. */
  REPEATED(false),
  /** The report is behind the current status (e.g. PENDING after SUCCEEDED): arrived late. */
  STALE(false),
  /** The reported amount or currency differs from the payment's. */
  AMOUNT_MISMATCH(true),
  /** The report names another merchant than the payment's. */
  MERCHANT_MISMATCH(true),
  /** The report contradicts a final outcome (e.g. FAILED after SUCCEEDED). */
  CONFLICTING_OUTCOME(true);

  private final boolean needsAttention;

  StatusFlag(boolean needsAttention) {
    this.needsAttention = needsAttention;
  }

  /** True when an operator has to look at the payment: the report cannot be right as it is. */
  public boolean needsAttention() {
    return needsAttention;
  }
}
