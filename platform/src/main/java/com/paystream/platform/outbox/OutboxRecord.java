package com.paystream.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** One outbox row as the publisher sees it: the Kafka record plus how often it was published. */
public record OutboxRecord(
    long seq,
    UUID messageId,
    String topic,
    String key,
    byte[] payload,
    String traceId,
    int attempts,
    Instant createdAt) {}
