package com.paystream.recon.approvals.persistence;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.recon.approvals.ApprovalStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code approval_request} and {@code approval_decision}. */
public final class JdbcApprovalStore implements ApprovalStore {

  private static final String COLUMNS =
      "r.approval_id, r.action, r.target, r.payload, r.amount_minor, r.currency, r.reason,"
          + " r.requested_by, r.requested_at, r.expires_at,"
          + " d.verdict, d.decided_by, d.decided_at, d.reason";

  private static final String SELECT =
      "select "
          + COLUMNS
          + " from approval_request r"
          + " left join approval_decision d on d.approval_id = r.approval_id";

  private final JdbcTemplate jdbc;

  public JdbcApprovalStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(ApprovalRequest r) {
    jdbc.update(
        "insert into approval_request (approval_id, action, target, payload, amount_minor,"
            + " currency, reason, requested_by, requested_at, expires_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.requestId(),
        r.action(),
        r.target(),
        r.payload(),
        r.amountMinor(),
        r.currency(),
        r.reason(),
        r.requestedBy(),
        Timestamp.from(r.requestedAt()),
        Timestamp.from(r.expiresAt()));
  }

  @Override
  public Optional<ApprovalRequest> request(UUID approvalId) {
    return jdbc
        .query(
            "select r.approval_id, r.action, r.target, r.payload, r.amount_minor, r.currency,"
                + " r.reason, r.requested_by, r.requested_at, r.expires_at"
                + " from approval_request r where r.approval_id = ?",
            (rs, n) -> request(rs),
            approvalId)
        .stream()
        .findFirst();
  }

  @Override
  public boolean decide(ApprovalDecision d) {
    return jdbc.update(
            "insert into approval_decision (approval_id, verdict, decided_by, decided_at, reason)"
                + " values (?, ?, ?, ?, ?) on conflict (approval_id) do nothing",
            d.requestId(),
            d.verdict().name(),
            d.decidedBy(),
            Timestamp.from(d.decidedAt()),
            d.reason())
        == 1;
  }

  @Override
  public Optional<Stored> find(UUID approvalId) {
    return jdbc
        .query(SELECT + " where r.approval_id = ?", (rs, n) -> stored(rs), approvalId)
        .stream()
        .findFirst();
  }

  @Override
  public List<Stored> list(Optional<String> state, int limit) {
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> args = new ArrayList<>();
    state.ifPresent(
        s -> {
          switch (s) {
            case "PENDING" -> sql.append(" where d.verdict is null and r.expires_at > now()");
            case "EXPIRED" ->
                sql.append(
                    " where d.verdict = 'EXPIRED' or (d.verdict is null and r.expires_at <= now())");
            default -> {
              sql.append(" where d.verdict = ?");
              args.add(s);
            }
          }
        });
    sql.append(" order by r.requested_at desc, r.approval_id limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), (rs, n) -> stored(rs), args.toArray());
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    String verdict = rs.getString(11);
    Optional<ApprovalDecision> decision =
        verdict == null
            ? Optional.empty()
            : Optional.of(
                new ApprovalDecision(
                    rs.getObject(1, UUID.class),
                    ApprovalDecision.Verdict.valueOf(verdict),
                    rs.getString(12),
                    rs.getTimestamp(13).toInstant(),
                    rs.getString(14)));
    return new Stored(request(rs), decision);
  }

  private static ApprovalRequest request(ResultSet rs) throws SQLException {
    return new ApprovalRequest(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10).toInstant());
  }
}
