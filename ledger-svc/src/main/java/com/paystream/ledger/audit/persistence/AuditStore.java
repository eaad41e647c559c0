package com.paystream.ledger.audit.persistence;

import com.paystream.ledger.audit.AuditPage;
import com.paystream.ledger.audit.AuditQuery;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Audit rows; append-only, every method inside the caller's transaction. */
public final class AuditStore {

  private static final String INSERT =
      "insert into audit_record (audit_id, service, occurred_at, actor, role, credential, action,"
          + " target, outcome, reason, request_id, trace_id)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "select audit_id, service, occurred_at, actor, role, credential, action, target, outcome,"
          + " reason, request_id, trace_id from audit_record where true";

  private final JdbcClient jdbc;

  public AuditStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(AuditRecord r) {
    jdbc.sql(INSERT)
        .params(
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
            r.traceId())
        .update();
  }

  /** One page, newest first; one more row than asked tells whether another page follows. */
  public AuditPage page(AuditQuery q) {
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> params = new ArrayList<>();
    q.from().ifPresent(at -> add(sql, params, " and occurred_at >= ?", Timestamp.from(at)));
    q.to().ifPresent(at -> add(sql, params, " and occurred_at < ?", Timestamp.from(at)));
    q.actor().ifPresent(actor -> add(sql, params, " and actor = ?", actor));
    q.action().ifPresent(action -> add(sql, params, " and action = ?", action));
    q.target().ifPresent(target -> add(sql, params, " and target = ?", target));
    q.outcome().ifPresent(outcome -> add(sql, params, " and outcome = ?", outcome.name()));
    q.after()
        .ifPresent(
            p -> {
              sql.append(" and (occurred_at, audit_id) < (?, ?)");
              params.add(Timestamp.from(p.occurredAt()));
              params.add(p.auditId());
            });
    sql.append(" order by occurred_at desc, audit_id desc limit ?");
    params.add(q.limit() + 1);
    List<AuditRecord> rows =
        jdbc.sql(sql.toString()).params(params).query(AuditStore::record).list();
    if (rows.size() <= q.limit()) {
      return new AuditPage(rows, Optional.empty());
    }
    List<AuditRecord> page = rows.subList(0, q.limit());
    AuditRecord last = page.get(page.size() - 1);
    return new AuditPage(
        page, Optional.of(new AuditQuery.Position(last.occurredAt(), last.auditId())));
  }

  private static void add(StringBuilder sql, List<Object> params, String clause, Object value) {
    sql.append(clause);
    params.add(value);
  }

  private static AuditRecord record(ResultSet rs, int row) throws SQLException {
    return new AuditRecord(
        rs.getObject("audit_id", UUID.class),
        rs.getString("service"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        rs.getString("role"),
        rs.getString("credential"),
        rs.getString("action"),
        rs.getString("target"),
        AuditOutcome.valueOf(rs.getString("outcome")),
        rs.getString("reason"),
        rs.getString("request_id"),
        rs.getString("trace_id"));
  }
}
