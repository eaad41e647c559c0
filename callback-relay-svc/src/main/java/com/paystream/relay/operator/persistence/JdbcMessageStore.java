package com.paystream.relay.operator.persistence;

import com.paystream.relay.operator.HistoryEvent;
import com.paystream.relay.operator.MessageFilter;
import com.paystream.relay.operator.MessageState;
import com.paystream.relay.operator.MessageStore;
import com.paystream.relay.operator.StoredMessage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The operator store on the gateway's database (outbox in {@code public}, history in relay). */
public final class JdbcMessageStore implements MessageStore {

  // Same predicates as the outbox_due and outbox_dead partial indexes.
  private static final String UNCONFIRMED =
      "(status = 'PENDING' or (status = 'PUBLISHED' and next_attempt_at <> 'infinity'))";
  private static final String DEAD = "status = 'DEAD'";
  private static final String COLUMNS =
      "select seq, message_id, topic, message_key, payload, status, attempts, created_at,"
          + " published_at, case when next_attempt_at = 'infinity' then null"
          + " else next_attempt_at end, last_error from outbox";

  private static final String HISTORY_SQL =
      """
      select message_id, at, outcome, attempt, null as detail, null as operator
        from relay.delivery_attempt where message_id = any(?::uuid[])
      union all
      select message_id, received_at,
             case verdict when 'APPLIED' then 'CONFIRMED' else 'REJECTED' end, null, detail, null
        from relay.confirmation where message_id = any(?::uuid[])
      union all
      select m.id, a.at, 'REDRIVEN', null, a.reason, a.operator
        from relay.operator_audit a cross join lateral unnest(a.message_ids) as m(id)
       where a.message_ids && ?::uuid[] and m.id = any(?::uuid[])
      order by 2
      """;

  private static final String REDRIVE_SQL =
      "update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(),"
          + " last_error = null where message_id = any(?::uuid[]) and status <> 'CONFIRMED'"
          + " returning message_id";

  private static final String AUDIT_SQL =
      "insert into relay.operator_audit (operator, action, reason, filter, message_ids, affected)"
          + " values (?, ?, ?, case when ? then jsonb_build_object('states', ?::text[],"
          + " 'provider', ?::text, 'paymentId', ?::text, 'olderThan', ?::text) end, ?::uuid[], ?)"
          + " returning id";

  private static final RowMapper<StoredMessage> ROW =
      (rs, n) ->
          new StoredMessage(
              rs.getLong(1),
              rs.getObject(2, UUID.class),
              rs.getString(3),
              rs.getString(4),
              rs.getBytes(5),
              rs.getString(6),
              rs.getInt(7),
              instant(rs, 8),
              instant(rs, 9),
              instant(rs, 10),
              rs.getString(11));

  private final JdbcTemplate jdbc;

  public JdbcMessageStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<StoredMessage> scan(MessageFilter filter, long afterSeq, int limit) {
    StringBuilder sql = new StringBuilder(COLUMNS).append(" where seq > ? and ");
    List<Object> args = new ArrayList<>(List.of(afterSeq));
    boolean unconfirmed = filter.states().contains(MessageState.UNCONFIRMED);
    boolean dead = filter.states().contains(MessageState.DEAD);
    sql.append(
        unconfirmed && dead
            ? "(" + UNCONFIRMED + " or " + DEAD + ")"
            : unconfirmed ? UNCONFIRMED : DEAD);
    if (filter.paymentId() != null) {
      sql.append(" and message_key = ?");
      args.add(filter.paymentId());
    }
    if (filter.olderThan() != null) {
      sql.append(" and created_at <= now() - ? * interval '1 millisecond'");
      args.add(filter.olderThan().toMillis());
    }
    sql.append(" order by seq limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), ROW, args.toArray());
  }

  @Override
  public Optional<StoredMessage> find(UUID messageId) {
    return jdbc.query(COLUMNS + " where message_id = ?", ROW, messageId).stream().findFirst();
  }

  @Override
  public Map<UUID, List<HistoryEvent>> history(Collection<UUID> messageIds) {
    Map<UUID, List<HistoryEvent>> byMessage = new LinkedHashMap<>();
    jdbc.query(
        connection -> {
          var st = connection.prepareStatement(HISTORY_SQL);
          Array ids = connection.createArrayOf("uuid", messageIds.toArray());
          for (int i = 1; i <= 4; i++) {
            st.setArray(i, ids);
          }
          return st;
        },
        rs -> {
          int attempt = rs.getInt(4);
          byMessage
              .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
              .add(
                  new HistoryEvent(
                      instant(rs, 2),
                      HistoryEvent.Kind.valueOf(rs.getString(3)),
                      rs.wasNull() ? null : attempt,
                      rs.getString(5),
                      rs.getString(6)));
        });
    return byMessage;
  }

  @Override
  public Optional<String> lockStatus(UUID messageId) {
    return jdbc
        .queryForList(
            "select status from outbox where message_id = ? for update", String.class, messageId)
        .stream()
        .findFirst();
  }

  @Override
  public List<UUID> redrive(Collection<UUID> messageIds) {
    return jdbc.query(
        connection -> {
          var st = connection.prepareStatement(REDRIVE_SQL);
          st.setArray(1, connection.createArrayOf("uuid", messageIds.toArray()));
          return st;
        },
        (rs, n) -> rs.getObject(1, UUID.class));
  }

  @Override
  public long audit(
      String operator, String action, String reason, MessageFilter filter, List<UUID> messageIds) {
    Long id =
        jdbc.query(
            connection -> {
              var st = connection.prepareStatement(AUDIT_SQL);
              st.setString(1, operator);
              st.setString(2, action);
              st.setString(3, reason);
              st.setBoolean(4, filter != null);
              st.setArray(
                  5,
                  connection.createArrayOf(
                      "text",
                      filter == null
                          ? new Object[0]
                          : filter.states().stream().map(Enum::name).sorted().toArray()));
              st.setString(6, filter == null ? null : filter.provider());
              st.setString(7, filter == null ? null : filter.paymentId());
              st.setString(
                  8,
                  filter == null || filter.olderThan() == null
                      ? null
                      : filter.olderThan().toString());
              st.setArray(9, connection.createArrayOf("uuid", messageIds.toArray()));
              st.setInt(10, messageIds.size());
              return st;
            },
            rs -> rs.next() ? rs.getLong(1) : null);
    if (id == null) {
      throw new IllegalStateException("audit insert returned no id");
    }
    return id;
  }

  @Override
  public void wakePublishersAtCommit() {
    // NOTIFY is delivered at commit, so publishers wake exactly when the redrive is visible.
    jdbc.queryForList("select pg_notify('outbox', '')");
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
