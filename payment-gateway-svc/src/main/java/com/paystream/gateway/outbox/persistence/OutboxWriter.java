package com.paystream.gateway.outbox.persistence;

import com.paystream.gateway.outbox.Outbox;
import com.paystream.gateway.outbox.OutboxMessage;
import java.nio.ByteBuffer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Appends to the platform's {@code outbox} table. Must run inside the transaction of the change the
 * message announces: that is the whole point of an outbox.
 */
@Repository
public class OutboxWriter implements Outbox {

  private static final String INSERT =
      """
      insert into outbox (message_id, topic, message_key, payload, trace_id, span_id)
      values (:messageId, :topic, :key, :payload, :traceId, :spanId)
      on conflict (message_id) do nothing
      """;

  private final DatabaseClient db;

  public OutboxWriter(DatabaseClient db) {
    this.db = db;
  }

  public Mono<Boolean> exists(java.util.UUID messageId) {
    return db.sql("select exists(select 1 from outbox where message_id = :messageId) as found")
        .bind("messageId", messageId)
        .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
        .one();
  }

  /**
   * Appends the message unless one with its id exists; emits whether it was appended. Commands have
   * ids derived from the request's idempotency key, so a repeated request finds its message.
   */
  public Mono<Boolean> appendIfAbsent(OutboxMessage message) {
    return db.sql(INSERT)
        .bind("messageId", message.messageId())
        .bind("topic", message.topic())
        .bind("key", message.key())
        .bind("payload", ByteBuffer.wrap(message.payload()))
        .bind("traceId", message.traceId())
        .bind("spanId", message.spanId())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }
}
