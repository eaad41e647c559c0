package com.paystream.ledger.booking;

import java.util.Objects;
import java.util.UUID;

/**
 * A Kafka record to publish once the batch commits: topic, key and serialized value, and the trace
 * it belongs to: {@code traceId} (the {@code paystream-trace-id} header, empty for none) and {@code
 * spanId}, the span that caused it, whose child the record's publication is (its {@code
 * traceparent} header; empty when it was caused outside a span).
 */
public record OutboxMessage(
    UUID messageId, String topic, String key, byte[] payload, String traceId, String spanId) {

  public OutboxMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(payload, "payload");
    traceId = traceId == null ? "" : traceId;
    spanId = spanId == null ? "" : spanId;
  }

  /** A record caused outside a span. */
  public OutboxMessage(UUID messageId, String topic, String key, byte[] payload, String traceId) {
    this(messageId, topic, key, payload, traceId, "");
  }
}
