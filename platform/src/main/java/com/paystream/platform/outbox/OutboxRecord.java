package com.paystream.platform.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
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
    Instant createdAt) {

  /**
   * The record at the result set's current row, whose first columns are {@code seq, message_id,
   * topic, message_key, payload, trace_id, attempts, created_at} in this order.
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
        rs.getTimestamp(8).toInstant());
  }
}
