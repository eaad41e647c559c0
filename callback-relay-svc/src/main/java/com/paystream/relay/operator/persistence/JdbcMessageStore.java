package com.paystream.relay.operator.persistence;

import com.paystream.relay.delivery.MessageStatus;
import com.paystream.relay.delivery.RelayPublisher;
import com.paystream.relay.operator.HistoryEvent;
import com.paystream.relay.operator.MessageFilter;
import com.paystream.relay.operator.MessageState;
import com.paystream.relay.operator.MessageStore;
import com.paystream.relay.operator.StoredMessage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
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

/**
 * The operator store on the gateway's database: the outbox in {@code public}, where each message
 * stands and its history in {@code relay} (see {@link MessageStatus}).
 */
public final class JdbcMessageStore implements MessageStore {

  // Messages that can still be unconfirmed or dead: from the first unswept publication's window
  // on (through the xid index), and whatever sits in the re-delivery queue; never all history.
  private static final String CANDIDATES =
      " where o.seq > ? and (o.xid >= (select coalesce((select p.window_lo from relay.publication p"
          + " where p.id > k.swept_through order by p.id limit 1), k.window_lo)"
          + " from relay.publisher_cursor k)"
          + " or o.seq in (select q.seq from relay.redelivery q where q.state <> 'CONFIRMED'))";

  private static final String HISTORY_SQL =
      """
      select o.message_id, p.published_at, 'PUBLISHED', 1, null as detail, null as operator
        from outbox o
        cross join lateral (select p.published_at from relay.publication p
                             where p.window_hi > o.xid and p.window_lo <= o.xid
                               and p.seq_after < o.seq and p.seq_last >= o.seq
                             order by p.window_hi, p.seq_last limit 1) p
       where o.message_id = any(?::uuid[])
      union all
      select message_id, at, outcome, attempt, null, null
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

  // A fresh schedule, due now; a message the ledger applied meanwhile is left alone.
  private static final String REDRIVE_SQL =
      """
      insert into relay.redelivery (message_id, seq, attempts, state, next_attempt_at)
      select o.message_id, o.seq, 0, 'WAITING', now() from outbox o
       where o.message_id = any(?::uuid[])
         and not exists (select 1 from relay.confirmation x
                          where x.message_id = o.message_id and x.verdict = 'APPLIED')
      on conflict (message_id) do update
         set attempts = 0, state = 'WAITING', next_attempt_at = now(), last_error = null
       where relay.redelivery.state <> 'CONFIRMED'
      returning message_id
      """;

  private static final String AUDIT_SQL =
      "insert into relay.operator_audit (operator, action, reason, filter, message_ids, affected,"
          + " approved_by) values (?, ?, ?, case when ? then jsonb_build_object('states',"
          + " ?::text[], 'provider', ?::text, 'paymentId', ?::text, 'olderThan', ?::text) end,"
          + " ?::uuid[], ?, ?) returning id";

  private final JdbcTemplate jdbc;
  private final RowMapper<StoredMessage> row;

  /** {@code firstWait}: how long a first publication waits for the ledger before re-delivery. */
  public JdbcMessageStore(JdbcTemplate jdbc, Duration firstWait) {
    this.jdbc = jdbc;
    this.row =
        (rs, n) -> {
          String status = rs.getString(7);
          Instant publishedAt = instant(rs, 9);
          Instant next = instant(rs, 10);
          if (next == null && publishedAt != null && "PUBLISHED".equals(status)) {
            next = publishedAt.plus(firstWait); // not queued for re-delivery yet
          }
          return new StoredMessage(
              rs.getLong(1),
              rs.getObject(2, UUID.class),
              rs.getString(3),
              rs.getString(4),
              rs.getBytes(5),
              status,
              rs.getInt(8),
              instant(rs, 6),
              publishedAt,
              next,
              rs.getString(11));
        };
  }

  @Override
  public List<StoredMessage> scan(MessageFilter filter, long afterSeq, int limit) {
    StringBuilder sql =
        new StringBuilder("select * from (").append(MessageStatus.SQL).append(CANDIDATES);
    List<Object> args = new ArrayList<>(List.of(afterSeq));
    if (filter.paymentId() != null) {
      sql.append(" and o.message_key = ?");
      args.add(filter.paymentId());
    }
    if (filter.olderThan() != null) {
      sql.append(" and o.created_at <= now() - ? * interval '1 millisecond'");
      args.add(filter.olderThan().toMillis());
    }
    List<String> statuses = new ArrayList<>();
    if (filter.states().contains(MessageState.UNCONFIRMED)) {
      statuses.addAll(List.of("'PENDING'", "'PUBLISHED'"));
    }
    if (filter.states().contains(MessageState.DEAD)) {
      statuses.add("'DEAD'");
    }
    sql.append(") m where m.status in (")
        .append(String.join(",", statuses))
        .append(") order by m.seq limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), row, args.toArray());
  }

  @Override
  public Optional<StoredMessage> find(UUID messageId) {
    return jdbc.query(MessageStatus.SQL + " where o.message_id = ?", row, messageId).stream()
        .findFirst();
  }

  @Override
  public Map<UUID, List<HistoryEvent>> history(Collection<UUID> messageIds) {
    Map<UUID, List<HistoryEvent>> byMessage = new LinkedHashMap<>();
    jdbc.query(
        connection -> {
          var st = connection.prepareStatement(HISTORY_SQL);
          Array ids = connection.createArrayOf("uuid", messageIds.toArray());
          for (int i = 1; i <= 5; i++) {
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
  public Optional<String> status(UUID messageId) {
    return find(messageId).map(StoredMessage::status);
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
      String operator,
      String approvedBy,
      String action,
      String reason,
      MessageFilter filter,
      List<UUID> messageIds) {
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
              st.setString(11, approvedBy);
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
    // NOTIFY is delivered at commit, so publishers wake exactly when the redrive is visible; the
    // payload makes them look at re-deliveries at once rather than at their next poll.
    jdbc.queryForList("select pg_notify('outbox', ?)", RelayPublisher.REDRIVE);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
