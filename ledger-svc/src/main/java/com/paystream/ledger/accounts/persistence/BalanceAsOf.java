package com.paystream.ledger.accounts.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * The booked balance of an account right after its last posting booked at or before {@code asOf} (0
 * and sequence 0 before its first posting).
 */
public record BalanceAsOf(
    UUID accountId, String currency, Instant asOf, long balanceMinor, long sequence) {}
