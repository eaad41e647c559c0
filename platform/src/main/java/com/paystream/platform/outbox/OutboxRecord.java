package com.paystream.platform.outbox;

import com.paystream.platform.tracing.TraceParent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One outbox row as the publisher sees it: the Kafka record plus how often it was published, and
 * the trace context it was recorded in (both ids empty when it was recorded outside a trace).
 */
public record OutboxRecord(
    long seq,
    UUID messageId,
    String topic,
    String key,
    byte[] payload,
    String traceId,
    int attempts,
    Instant createdAt,
    String spanId) {

  public OutboxRecord {
    traceId = traceId == null ? "" : traceId;
    spanId = spanId == null ? "" : spanId;
  }

  /**
   * The record at the result set's current row, whose first columns are {@code seq, message_id,
   * topic, message_key, payload, trace_id, attempts, created_at, span_id} in this order.
   */
  public static OutboxRecord read(ResultSet rs) throws SQLException {
    return new OutboxRecord(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getBytes(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getTimestamp(8).toInstant(),
        rs.getString(9));
  }

  /** The context the row was recorded in, if it was recorded inside a trace. */
  public Optional<TraceParent> traceParent() {
    return TraceParent.of(traceId, spanId);
  }
}
