package com.paystream.relay.audit.persistence;

import com.paystream.platform.outbox.OutboxClaims;
import com.paystream.platform.outbox.OutboxRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's audit outbox for the platform's {@code OutboxPublisher}: unpublished rows of {@code
 * relay.audit_outbox} in seq order, marked published in the batch transaction after the broker
 * acknowledged them. One publisher claims at a time (a transaction-scoped advisory lock), which
 * keeps the per-target order across relay instances.
 */
public final class AuditOutboxClaims implements OutboxClaims<AuditOutboxClaims.Claim> {

  /** The rows of one claim. */
  public record Claim(List<OutboxRecord> toPublish) implements OutboxClaims.Claim {}

  private static final long ADVISORY_LOCK_KEY = 0x72656c6179617564L; // "relayaud"

  private static final String CLAIM_SQL =
      "with publisher as materialized (select pg_try_advisory_xact_lock(?) as held)"
          + " select seq, message_id, topic, message_key, payload, trace_id, attempts, created_at,"
          + " '' as span_id"
          + " from relay.audit_outbox where (select held from publisher) and published_at is null"
          + " order by seq limit ? for update skip locked";

  private static final String MARK_SQL =
      "update relay.audit_outbox set published_at = now(), attempts = attempts + 1"
          + " where seq = any(?::bigint[])";

  @Override
  public Claim claim(Connection transaction, int batchSize) throws SQLException {
    try (PreparedStatement st = transaction.prepareStatement(CLAIM_SQL)) {
      st.setLong(1, ADVISORY_LOCK_KEY);
      st.setInt(2, batchSize);
      List<OutboxRecord> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(OutboxRecord.read(rs));
        }
      }
      return new Claim(rows);
    }
  }

  @Override
  public void mark(Connection transaction, Claim claim) throws SQLException {
    Long[] seqs = claim.toPublish().stream().map(OutboxRecord::seq).toArray(Long[]::new);
    try (PreparedStatement st = transaction.prepareStatement(MARK_SQL)) {
      st.setArray(1, transaction.createArrayOf("bigint", seqs));
      st.executeUpdate();
    }
  }
}
