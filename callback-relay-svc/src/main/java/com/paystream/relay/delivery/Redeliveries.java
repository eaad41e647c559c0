package com.paystream.relay.delivery;

import com.paystream.platform.outbox.OutboxClaims;
import com.paystream.platform.outbox.OutboxRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Everything after a message's first publication, through {@code relay.redelivery}: the sweep that
 * queues what the ledger did not confirm within the first wait, the claim of what is due, and its
 * outcome (published again, dead-lettered, or found confirmed meanwhile) with the attempt history.
 */
final class Redeliveries implements OutboxClaims<Redeliveries.Claim> {

  /** A due message; {@code confirmed} when the ledger applied it after it was queued. */
  record Due(OutboxRecord row, boolean confirmed) {}

  /** The messages of one claim, split by what happens to them. */
  record Claim(List<OutboxRecord> toPublish, List<OutboxRecord> exhausted, List<UUID> confirmed)
      implements OutboxClaims.Claim {
    @Override
    public int size() {
      return toPublish.size() + exhausted.size() + confirmed.size();
    }
  }

  private static final String LOCK_SQL =
      "select swept_through from relay.publisher_cursor for update skip locked";

  // Publications whose first wait ran out, oldest first, no more messages than one batch (at least
  // one publication). Their messages the ledger has not applied are queued, due when the wait ran
  // out; a message already queued (redriven or refused meanwhile) keeps its row.
  /**
   * The topic (after any prefix) of the messages the ledger never confirms: the gateway's audit
   * events. They are published once, by the log, and never queued for re-delivery or counted as
   * backlog; a lost one is found by its audit_record row, which stays in the gateway's database.
   */
  static final String UNCONFIRMED_TOPIC = "audit.events.v1";

  private static final String SWEEP_SQL =
      """
      with due as (
          select * from (
              select p.*, sum(p.messages) over (order by p.id) as upto
                from relay.publication p
               where p.id > ? and p.published_at <= now() - ? * interval '1 millisecond'
               order by p.id limit 1000) d
           where upto - messages < ?
      ), queued as (
          insert into relay.redelivery
                 (message_id, seq, attempts, state, next_attempt_at, published_at)
          select o.message_id, o.seq, 1, 'WAITING',
                 d.published_at + ? * interval '1 millisecond', d.published_at
            from due d
            join outbox o on o.seq > d.seq_after and o.seq <= d.seq_last
                         and coalesce(o.xid >= d.window_lo and o.xid < d.window_hi, false)
           where not exists (select 1 from relay.confirmation x
                              where x.message_id = o.message_id and x.verdict = 'APPLIED')
             and o.topic not like '%' || ?
          on conflict (message_id) do nothing
          returning 1
      )
      select max(id), (select count(*) from queued) from due
      """;
  private static final String SWEPT_SQL = "update relay.publisher_cursor set swept_through = ?";
  private static final String CLAIM_SQL =
      """
      select r.seq, r.message_id, o.topic, o.message_key, o.payload, o.trace_id, r.attempts,
             o.created_at, o.span_id,
             exists (select 1 from relay.confirmation x
                      where x.message_id = r.message_id and x.verdict = 'APPLIED')
        from relay.redelivery r join outbox o on o.seq = r.seq
       where r.state = 'WAITING' and r.next_attempt_at <= now()
       order by r.next_attempt_at, r.seq
       limit ?
         for update of r skip locked
      """;
  private static final String PUBLISHED_SQL =
      "update relay.redelivery r set attempts = r.attempts + 1, published_at = now(),"
          + " last_error = null, next_attempt_at = now() + w.wait_ms * interval '1 millisecond'"
          + " from unnest(?::uuid[], ?::bigint[]) as w(message_id, wait_ms)"
          + " where r.message_id = w.message_id";
  private static final String DEAD_SQL =
      "update relay.redelivery set state = 'DEAD', last_error = 'RETRIES_EXHAUSTED',"
          + " next_attempt_at = 'infinity' where message_id = any(?::uuid[])";
  private static final String CONFIRMED_SQL =
      "update relay.redelivery set state = 'CONFIRMED', next_attempt_at = 'infinity'"
          + " where message_id = any(?::uuid[])";
  private static final String HISTORY_SQL =
      "insert into relay.delivery_attempt (message_id, attempt, outcome)"
          + " select * from unnest(?::uuid[], ?::int[], ?::text[])";

  private final List<Duration> waits;

  /** {@code waits}: the wait for a confirmation after each publication (the schedule). */
  Redeliveries(List<Duration> waits) {
    if (waits.isEmpty() || waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
      throw new IllegalArgumentException("re-delivery waits must be positive: " + waits);
    }
    this.waits = List.copyOf(waits);
  }

  /**
   * Locks the cursor (one active publisher), queues what the sweep finds, and claims due messages;
   * null when another instance is publishing.
   */
  @Override
  public Claim claim(Connection connection, int batchSize) throws SQLException {
    Long swept = lockSwept(connection);
    if (swept == null) {
      return null;
    }
    sweep(connection, swept, batchSize);
    List<Due> due = due(connection, batchSize);
    List<OutboxRecord> toPublish = new ArrayList<>();
    List<OutboxRecord> exhausted = new ArrayList<>();
    List<UUID> confirmed = new ArrayList<>();
    for (Due d : due) {
      if (d.confirmed()) {
        confirmed.add(d.row().messageId());
      } else if (d.row().attempts() >= waits.size()) {
        exhausted.add(d.row());
      } else {
        toPublish.add(d.row());
      }
    }
    return new Claim(toPublish, exhausted, confirmed);
  }

  /** Writes the claim's new state and history, inside the batch transaction. */
  @Override
  public void mark(Connection connection, Claim claim) throws SQLException {
    if (!claim.toPublish().isEmpty()) {
      Object[] ids = new Object[claim.toPublish().size()];
      Object[] waitMs = new Object[ids.length];
      for (int i = 0; i < ids.length; i++) {
        OutboxRecord row = claim.toPublish().get(i);
        ids[i] = row.messageId();
        waitMs[i] = waitAfter(row.attempts() + 1).toMillis();
      }
      try (PreparedStatement st = connection.prepareStatement(PUBLISHED_SQL)) {
        st.setArray(1, connection.createArrayOf("uuid", ids));
        st.setArray(2, connection.createArrayOf("bigint", waitMs));
        st.executeUpdate();
      }
    }
    updateAll(connection, DEAD_SQL, claim.exhausted().stream().map(OutboxRecord::messageId));
    updateAll(connection, CONFIRMED_SQL, claim.confirmed().stream());
    history(connection, claim);
  }

  private Duration waitAfter(int publication) {
    return waits.get(Math.min(publication, waits.size()) - 1);
  }

  private static Long lockSwept(Connection connection) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(LOCK_SQL);
        ResultSet rs = st.executeQuery()) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private void sweep(Connection connection, long swept, int batchSize) throws SQLException {
    long firstWaitMs = waits.get(0).toMillis();
    Long through;
    try (PreparedStatement st = connection.prepareStatement(SWEEP_SQL)) {
      st.setLong(1, swept);
      st.setLong(2, firstWaitMs);
      st.setLong(3, batchSize);
      st.setLong(4, firstWaitMs);
      st.setString(5, UNCONFIRMED_TOPIC);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        long max = rs.getLong(1);
        through = rs.wasNull() ? null : max;
      }
    }
    if (through != null) {
      try (PreparedStatement st = connection.prepareStatement(SWEPT_SQL)) {
        st.setLong(1, through);
        st.executeUpdate();
      }
    }
  }

  private static List<Due> due(Connection connection, int batchSize) throws SQLException {
    try (PreparedStatement st = connection.prepareStatement(CLAIM_SQL)) {
      st.setInt(1, batchSize);
      List<Due> due = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          due.add(new Due(OutboxRecord.read(rs), rs.getBoolean(10)));
        }
      }
      return due;
    }
  }

  private static void updateAll(
      Connection connection, String sql, java.util.stream.Stream<UUID> messageIds)
      throws SQLException {
    Object[] ids = messageIds.toArray();
    if (ids.length == 0) {
      return;
    }
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setArray(1, connection.createArrayOf("uuid", ids));
      st.executeUpdate();
    }
  }

  /** Publications and dead letters of this claim, for the operator's history. */
  private static void history(Connection connection, Claim claim) throws SQLException {
    int size = claim.toPublish().size() + claim.exhausted().size();
    if (size == 0) {
      return;
    }
    Object[] ids = new Object[size];
    Object[] attempts = new Object[size];
    Object[] outcomes = new Object[size];
    int i = 0;
    for (OutboxRecord row : claim.toPublish()) {
      ids[i] = row.messageId();
      attempts[i] = row.attempts() + 1;
      outcomes[i++] = "PUBLISHED";
    }
    for (OutboxRecord row : claim.exhausted()) {
      ids[i] = row.messageId();
      // The dead letter follows the last publication; it is not a publication of the message.
      attempts[i] = Math.max(1, row.attempts());
      outcomes[i++] = "DEAD_LETTERED";
    }
    try (PreparedStatement st = connection.prepareStatement(HISTORY_SQL)) {
      st.setArray(1, connection.createArrayOf("uuid", ids));
      st.setArray(2, connection.createArrayOf("int4", attempts));
      st.setArray(3, connection.createArrayOf("text", outcomes));
      st.executeUpdate();
    }
  }
}
