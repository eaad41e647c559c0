package com.paystream.gateway.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * One Kafka record to publish after commit, exactly as it will go on the wire.
 *
 * @param messageId unique id of the message; consumers confirm by it
 * @param payload the serialized value (Confluent wire format), published as-is
 * @param traceId the trace it was recorded in, or empty
 * @param spanId the span that recorded it, or empty: the parent of its publication's span
 */
public record OutboxMessage(
    UUID messageId, String topic, String key, byte[] payload, String traceId, String spanId) {

  public OutboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
  }

  /** A message whose recording span is not known. */
  public OutboxMessage(UUID messageId, String topic, String key, byte[] payload, String traceId) {
    this(messageId, topic, key, payload, traceId, "");
  }
}
