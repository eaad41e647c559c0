package com.paystream.ledger.holds;

import java.util.UUID;

/**
 * A request to hold {@code amountMinor} on {@code accountCode}; when captured it is paid to {@code
 * counterAccountCode} (e.g. a merchant payout through the provider's clearing account). The caller
 * chooses {@code holdId}, which makes placing it idempotent.
 */
public record PlaceHold(
    UUID holdId,
    String accountCode,
    String counterAccountCode,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy) {}
