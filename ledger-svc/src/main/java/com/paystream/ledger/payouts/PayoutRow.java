package com.paystream.ledger.payouts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payout as requested and stored (append-only): which bank details version it pays to (masked
 * here), and the approval it waited for (null: none was needed).
 */
public record PayoutRow(
    String payoutId,
    String merchantId,
    String idempotencyKey,
    long amountMinor,
    String currency,
    LocalDate businessDate,
    UUID holdId,
    UUID bankDetailsId,
    String ibanMasked,
    String holderName,
    String requestedBy,
    Instant requestedAt,
    UUID approvalId) {}
