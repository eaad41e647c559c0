package com.paystream.ledger.holds;

import java.time.Instant;
import java.util.UUID;

/**
 * A hold as stored: HELD until it is CAPTURED (with the entry that paid it out), PARTIALLY_CAPTURED
 * (part of it paid out by that entry, the rest released in the same transaction) or RELEASED.
 * {@code capturedMinor} is what the entry paid (0 unless captured); {@code expiresAt} the deadline
 * after which an open hold is released by the system (null: none); {@code settledBy} who captured
 * or released it (an operator, {@code system:hold-expiry}, {@code system:merchant-payouts}; null
 * for settlements older than the column).
 */
public record HoldView(
    UUID holdId,
    UUID accountId,
    String accountCode,
    String counterAccountCode,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy,
    String state,
    Instant createdAt,
    Instant settledAt,
    UUID captureEntryId,
    long capturedMinor,
    Instant expiresAt,
    String settledBy) {

  public static final String HELD = "HELD";
  public static final String CAPTURED = "CAPTURED";
  public static final String PARTIALLY_CAPTURED = "PARTIALLY_CAPTURED";
  public static final String RELEASED = "RELEASED";

  public boolean isOpen() {
    return HELD.equals(state);
  }

  /** Captured, fully or in part: money left the held account. */
  public boolean isCaptured() {
    return CAPTURED.equals(state) || PARTIALLY_CAPTURED.equals(state);
  }
}
