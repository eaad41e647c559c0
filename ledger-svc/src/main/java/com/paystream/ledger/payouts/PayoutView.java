package com.paystream.ledger.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A merchant payout as the API shows it. {@code state}: AWAITING_APPROVAL (four eyes, no money held
 * yet), REJECTED or EXPIRED (its approval was), HELD (the money is reserved on the merchant's
 * account), CAPTURED or PARTIALLY_CAPTURED (the bank confirmed the transfer; the rest released),
 * RELEASED (returned before capture, or the hold's deadline passed), RETURNED (the bank gave money
 * of a captured payout back; {@code returnedMinor} booked back to the merchant). The bank account
 * is masked.
 */
public record PayoutView(
    String payoutId,
    String merchantId,
    long amountMinor,
    String currency,
    String state,
    UUID holdId,
    long capturedMinor,
    long returnedMinor,
    LocalDate businessDate,
    String bankAccount,
    String holderName,
    String requestedBy,
    Instant requestedAt,
    UUID approvalId,
    Instant holdExpiresAt) {

  public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
  public static final String REQUESTED = "REQUESTED";
  public static final String HELD = "HELD";
  public static final String RETURNED = "RETURNED";
}
