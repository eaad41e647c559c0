package com.paystream.ledger.accounts.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * An account and its balances now, in its normal-balance sign: {@code balanceMinor} is the booked
 * balance (what the last posting carries), of which {@code frozenMinor} is held and {@code
 * availableMinor} can move.
 */
public record AccountView(
    UUID accountId,
    String code,
    String name,
    String type,
    String currency,
    long balanceMinor,
    long availableMinor,
    long frozenMinor,
    boolean overdraftAllowed,
    String status,
    long lastSequence,
    Instant lastPostedAt) {}
