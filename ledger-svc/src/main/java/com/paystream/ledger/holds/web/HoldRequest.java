package com.paystream.ledger.holds.web;

import java.math.BigDecimal;

/**
 * A hold's body as the client sent it, before the input policy read it: the amount as JSON carried
 * it (so that 1.5 is refused rather than read as 1), identifiers and codes as text, the optional
 * deadline {@code expiresAt} as an ISO-8601 instant. {@code requestedBy} is only here to be
 * refused: who acts comes from the credentials.
 */
record HoldRequest(
    String holdId,
    String accountCode,
    String counterAccountCode,
    BigDecimal amountMinor,
    String currency,
    String reason,
    String requestedBy,
    String expiresAt) {}
