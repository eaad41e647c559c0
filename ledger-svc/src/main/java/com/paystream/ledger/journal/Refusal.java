package com.paystream.ledger.journal;

import java.util.Objects;

/**
 * Why a message cannot be applied, with a machine-readable code for the dead-letter record. A
 * refusal is an expected outcome (bad input, not enough funds), never an exception.
 */
public record Refusal(String code, String reason) {

  public static final String DESERIALIZATION = "DESERIALIZATION";
  public static final String UNKNOWN_SCHEMA_ID = "UNKNOWN_SCHEMA_ID";
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
  public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
  public static final String INVALID_REFERENCE = "INVALID_REFERENCE";
  public static final String UNKNOWN_STATUS = "UNKNOWN_STATUS";
  public static final String UNBALANCED = "UNBALANCED";
  public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
  public static final String AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE";
  public static final String ACCOUNT_BLOCKED = "ACCOUNT_BLOCKED";
  public static final String DATABASE_REFUSED = "DATABASE_REFUSED";
  public static final String PAYMENT_NOT_BOOKED = "PAYMENT_NOT_BOOKED";
  public static final String REFUND_EXCEEDS_CAPTURED = "REFUND_EXCEEDS_CAPTURED";
  public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
  public static final String REFERENCE_MISMATCH = "REFERENCE_MISMATCH";
  public static final String MISSING_REASON = "MISSING_REASON";
  public static final String NOT_ALLOWED_AFTER_REFUND = "NOT_ALLOWED_AFTER_REFUND";

  /** A movement whose two sides are one account: it would move nothing. */
  public static final String SAME_ACCOUNT = "SAME_ACCOUNT";

  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * True when the same message may apply later without change: a command for a payment whose
   * success the ledger has not consumed yet (callbacks and commands travel on different topics, so
   * their relative order is not guaranteed). Everything else is wrong in itself.
   */
  public boolean retryable() {
    return PAYMENT_NOT_BOOKED.equals(code);
  }
}
