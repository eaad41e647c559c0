package com.paystream.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims of a service that publishes each row of its own {@code outbox} once (ledger,
 * reconciliation): {@code PENDING} rows in {@code seq} order, marked {@code PUBLISHED} with nothing
 * more scheduled. Only one publisher per database claims at a time (a transaction-scoped advisory
 * lock), which keeps the per-key order of publications across several instances.
 */
final class PendingRows implements OutboxClaims<PendingRows.Claim> {

  record Claim(List<OutboxRecord> toPublish) implements OutboxClaims.Claim {}

  private static final long ADVISORY_LOCK_KEY = 0x6f7574626f78L; // "outbox"

  // One statement per claim, lock included: the transaction-scoped advisory lock is an InitPlan
  // evaluated once before any row is read, so an instance that does not hold it claims nothing.
  // The statement's snapshot may predate the previous holder's commit; FOR UPDATE re-checks the
  // latest version of each row against the condition, so the rows it just published are skipped.
  // Rows in commit-sequence order: the per-key order of the topic depends on it.
  private static final String CLAIM_SQL =
      "with publisher as materialized (select pg_try_advisory_xact_lock(?) as held)"
          + " select seq, message_id, topic, message_key, payload, trace_id, attempts, created_at,"
          + " span_id"
          + " from outbox where (select held from publisher) and status = 'PENDING'"
          + " and next_attempt_at <= now() order by seq limit ? for update skip locked";

  private static final String MARK_PUBLISHED_SQL =
      "update outbox set status = 'PUBLISHED', attempts = attempts + 1, published_at = now(),"
          + " last_error = null, next_attempt_at = 'infinity' where seq = any(?::bigint[])";

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
    try (PreparedStatement st = transaction.prepareStatement(MARK_PUBLISHED_SQL)) {
      st.setArray(1, transaction.createArrayOf("bigint", seqs));
      st.executeUpdate();
    }
  }
}
