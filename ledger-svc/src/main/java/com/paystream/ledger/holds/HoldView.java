package com.paystream.ledger.holds;

import java.time.Instant;
import java.util.UUID;

/** A hold as stored: HELD until it is CAPTURED (with the entry that paid it out) or RELEASED. */
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
    UUID captureEntryId) {

  public boolean isOpen() {
    return "HELD".equals(state);
  }
}
