package com.paystream.relay.operator;

import java.time.Instant;
import java.util.UUID;

/** An outbox row with its delivery state, as the operator store reads it. */
public record StoredMessage(
    long seq,
    UUID messageId,
    String topic,
    String key,
    byte[] payload,
    String status,
    int attempts,
    Instant createdAt,
    Instant publishedAt,
    Instant nextAttemptAt,
    String lastError) {}
