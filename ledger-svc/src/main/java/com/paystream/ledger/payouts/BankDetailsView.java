package com.paystream.ledger.payouts;

import java.time.Instant;
import java.util.UUID;

/**
 * A version of a merchant's payout bank details as the API shows it: the IBAN masked only. {@code
 * state} PENDING until a second operator approved it (then APPROVED; the newest approved version is
 * the one payouts use); a pending version whose approval was rejected or expired never applies.
 */
public record BankDetailsView(
    UUID changeId,
    String merchantId,
    String ibanMasked,
    String holderName,
    String state,
    String requestedBy,
    Instant requestedAt,
    UUID approvalId,
    String approvedBy,
    Instant approvedAt) {

  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";
}
