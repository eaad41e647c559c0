package com.paystream.ledger.booking;

import java.util.Objects;
import java.util.UUID;

/** A Kafka record to publish once the batch commits: topic, key and serialized value. */
public record OutboxMessage(
    UUID messageId, String topic, String key, byte[] payload, String traceId) {

  public OutboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    traceId = traceId == null ? "" : traceId;
  }
}
