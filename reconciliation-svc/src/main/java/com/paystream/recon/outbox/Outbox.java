package com.paystream.recon.outbox;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes records to the transactional outbox (the platform's {@code outbox} table) in the caller's
 * transaction; the platform's publisher ships them after commit.
 */
public final class Outbox {

  private static final String INSERT =
      "insert into outbox (message_id, topic, message_key, payload, trace_id)"
          + " values (?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One record to publish; {@code messageId} is the event id inside the payload. */
  public record Message(UUID messageId, String topic, String key, byte[] payload, String traceId) {}

  public void add(List<Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        INSERT,
        messages,
        500,
        (st, m) -> {
          st.setObject(1, m.messageId());
          st.setString(2, m.topic());
          st.setString(3, m.key());
          st.setBytes(4, m.payload());
          st.setString(5, m.traceId());
        });
  }
}
