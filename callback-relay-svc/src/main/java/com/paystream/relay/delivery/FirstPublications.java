package com.paystream.relay.delivery;

import com.paystream.platform.outbox.OutboxLog;
import com.paystream.platform.outbox.OutboxRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the gateway's outbox as a log, from the position kept in {@code relay.publisher_cursor}:
 * transaction-id windows whose every transaction has ended, each in seq order. Nothing is written
 * per message; each batch moves the cursor and leaves one {@code relay.publication} row. Only the
 * leading publisher (see {@link RelayPublisher}) calls this, so the position can be held in memory
 * between batches and the next batch read while the broker acknowledges the previous one.
 */
final class FirstPublications implements OutboxLog<FirstPublications.Cursor> {

  /** Rows with xid below lo, or below hi and seq at most afterSeq, are published. */
  record Cursor(String lo, String hi, long maxSeq, long afterSeq) {
    boolean exhausted() {
      return afterSeq >= maxSeq;
    }
  }

  // Migrated rows still waiting for their first publication (due at '-infinity' in
  // relay.redelivery) go first, through the re-delivery path; the log waits for them.
  private static final String LOAD_SQL =
      "select window_lo::text, window_hi::text, window_max_seq, after_seq,"
          + " exists (select 1 from relay.redelivery where state = 'WAITING'"
          + " and next_attempt_at = '-infinity')"
          + " from relay.publisher_cursor";
  // Its own statement, so its own snapshot, taken after the previous batch moved the cursor. The
  // snapshot's xmin is the lowest transaction still running: below it every transaction has ended,
  // so [hi, xmin) is a closed window that can no longer gain rows. The xmin is the server's, so a
  // transaction of another database holds the window too; the last column tells whether committed
  // rows already wait beyond it.
  private static final String NEXT_WINDOW_SQL =
      "select s.x::text, min(o.seq), max(o.seq),"
          + " exists (select 1 from outbox w where w.xid >= s.x)"
          + " from (select pg_snapshot_xmin(pg_current_snapshot()) as x) s"
          + " left join outbox o on o.xid >= ?::xid8 and o.xid < s.x group by s.x";
  // Walks the primary key from the cursor. The window test is wrapped in coalesce so that the
  // planner cannot take the xid index instead and sort the whole window for every batch.
  private static final String READ_SQL =
      "select seq, message_id, topic, message_key, payload, trace_id, 0, created_at, span_id"
          + " from outbox"
          + " where seq > ? and seq <= ? and coalesce(xid >= ?::xid8 and xid < ?::xid8, false)"
          + " order by seq limit ?";
  // One statement, so cursor and publication record commit together. The cursor must still be
  // where this batch started: anything else means another publisher moved it, and this one stops.
  private static final String ADVANCE_SQL =
      "with batch as (insert into relay.publication"
          + " (window_lo, window_hi, seq_after, seq_last, messages)"
          + " values (?::xid8, ?::xid8, ?, ?, ?))"
          + " update relay.publisher_cursor set window_lo = ?::xid8, window_hi = ?::xid8,"
          + " window_max_seq = ?, after_seq = ?"
          + " where window_lo = ?::xid8 and window_hi = ?::xid8 and after_seq = ?";

  /** The committed position; null while migrated rows wait for their first publication. */
  @Override
  public Cursor position(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(LOAD_SQL);
        ResultSet rs = st.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("relay.publisher_cursor has no row");
      }
      if (rs.getBoolean(5)) {
        return null;
      }
      return new Cursor(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
    }
  }

  /** The next batch after {@code cursor}; no rows when the log holds nothing new. */
  @Override
  public Batch<Cursor> next(Connection connection, Cursor cursor, int batchSize)
      throws SQLException {
    Cursor from = cursor;
    if (from.exhausted()) {
      Window window = nextWindow(connection, from);
      if (window.cursor() == null) {
        return Batch.none(cursor, window.heldBack());
      }
      from = window.cursor();
    }
    List<OutboxRecord> rows = read(connection, from, batchSize);
    if (rows.isEmpty()) {
      // A closed window ends at its last row; reaching here means the cursor is corrupt.
      throw new IllegalStateException("publisher cursor window holds no row after " + from);
    }
    Cursor after = new Cursor(from.lo(), from.hi(), from.maxSeq(), rows.get(rows.size() - 1).seq());
    return new Batch<>(cursor, after, rows);
  }

  /** Moves the committed position past the batch (autocommit: one atomic statement). */
  @Override
  public void advance(Connection connection, Batch<Cursor> batch) throws SQLException {
    Cursor before = batch.before();
    Cursor after = batch.after();
    // The publication names the window the rows came from, which is before's only when the batch
    // did not open a new one.
    boolean sameWindow = before.lo().equals(after.lo()) && before.hi().equals(after.hi());
    try (PreparedStatement st = connection.prepareStatement(ADVANCE_SQL)) {
      st.setString(1, after.lo());
      st.setString(2, after.hi());
      st.setLong(3, sameWindow ? before.afterSeq() : batch.rows().get(0).seq() - 1);
      st.setLong(4, after.afterSeq());
      st.setInt(5, batch.rows().size());
      st.setString(6, after.lo());
      st.setString(7, after.hi());
      st.setLong(8, after.maxSeq());
      st.setLong(9, after.afterSeq());
      st.setString(10, before.lo());
      st.setString(11, before.hi());
      st.setLong(12, before.afterSeq());
      if (st.executeUpdate() != 1) {
        throw new IllegalStateException("publisher cursor moved under this publisher: " + before);
      }
    }
  }

  /**
   * The window after {@code done}: its cursor, null when it holds no row; and whether committed
   * rows wait beyond it for a running transaction to end.
   */
  private record Window(Cursor cursor, boolean heldBack) {}

  private static Window nextWindow(Connection connection, Cursor done) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(NEXT_WINDOW_SQL)) {
      st.setString(1, done.hi());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        long min = rs.getLong(2);
        if (rs.wasNull()) {
          return new Window(null, rs.getBoolean(4));
        }
        return new Window(
            new Cursor(done.hi(), rs.getString(1), rs.getLong(3), min - 1), rs.getBoolean(4));
      }
    }
  }

  private static List<OutboxRecord> read(Connection connection, Cursor cursor, int batchSize)
      throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(READ_SQL)) {
      st.setLong(1, cursor.afterSeq());
      st.setLong(2, cursor.maxSeq());
      st.setString(3, cursor.lo());
      st.setString(4, cursor.hi());
      st.setInt(5, batchSize);
      List<OutboxRecord> rows = new ArrayList<>(Math.min(batchSize, 1024));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(OutboxRecord.read(rs));
        }
      }
      return rows;
    }
  }
}
