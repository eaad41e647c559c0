package com.paystream.recon.audit.persistence;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.recon.audit.AuditPage;
import com.paystream.recon.audit.AuditQuery;
import com.paystream.recon.audit.AuditStore;
import com.paystream.recon.audit.kafka.AuditEvents;
import com.paystream.recon.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code audit_record} and, in the same transaction, its AuditEvent in the outbox. */
public final class JdbcAuditStore implements AuditStore {

  private static final String INSERT =
      "insert into audit_record (audit_id, service, occurred_at, actor, role, credential, action,"
          + " target, outcome, reason, request_id, trace_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT =
      "select seq, audit_id, service, occurred_at, actor, role, credential, action, target,"
          + " outcome, reason, request_id, trace_id from audit_record where true";

  private final JdbcTemplate jdbc;
  private final Outbox outbox;
  private final AuditEvents events;

  public JdbcAuditStore(JdbcTemplate jdbc, Outbox outbox, AuditEvents events) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.events = events;
  }

  @Override
  public void append(AuditRecord r) {
    jdbc.update(
        INSERT,
        r.auditId(),
        r.service(),
        Timestamp.from(r.occurredAt()),
        r.actor(),
        r.role(),
        r.credential(),
        r.action(),
        r.target(),
        r.outcome().name(),
        r.reason(),
        r.requestId(),
        r.traceId());
    // Key = target, so that the acts on one break (or message, or approval) stay in order.
    outbox.add(
        List.of(
            new Outbox.Message(
                r.auditId(), events.topicName(), r.target(), events.encode(r), r.traceId())));
  }

  @Override
  public AuditPage find(AuditQuery q) {
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> args = new ArrayList<>();
    q.from().ifPresent(v -> add(sql, args, " and occurred_at >= ?", Timestamp.from(v)));
    q.to().ifPresent(v -> add(sql, args, " and occurred_at < ?", Timestamp.from(v)));
    q.actor().ifPresent(v -> add(sql, args, " and actor = ?", v));
    q.action().ifPresent(v -> add(sql, args, " and action = ?", v));
    q.target().ifPresent(v -> add(sql, args, " and target = ?", v));
    q.outcome().ifPresent(v -> add(sql, args, " and outcome = ?", v.name()));
    q.beforeSeq().ifPresent(v -> add(sql, args, " and seq < ?", v));
    sql.append(" order by seq desc limit ?");
    args.add(q.limit() + 1);
    List<Long> seqs = new ArrayList<>();
    List<AuditRecord> rows =
        jdbc.query(
            sql.toString(),
            (rs, n) -> {
              seqs.add(rs.getLong(1));
              return read(rs);
            },
            args.toArray());
    if (rows.size() <= q.limit()) {
      return new AuditPage(rows, null);
    }
    return new AuditPage(rows.subList(0, q.limit()), seqs.get(q.limit() - 1));
  }

  private static void add(StringBuilder sql, List<Object> args, String clause, Object value) {
    sql.append(clause);
    args.add(value);
  }

  private static AuditRecord read(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getTimestamp(4).toInstant(),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        AuditOutcome.valueOf(rs.getString(10)),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13));
  }
}
