package com.paystream.ledger.payouts;

/**
 * A payout request as the input policy let it through: {@code amountMinor} of {@code currency} from
 * the merchant's account to its approved bank account; {@code idempotencyKey} names it (a retry
 * with the same key is the same payout).
 */
public record RequestPayout(
    String merchantId, long amountMinor, String currency, String idempotencyKey) {}
