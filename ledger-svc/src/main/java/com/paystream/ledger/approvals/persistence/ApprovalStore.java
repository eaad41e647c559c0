package com.paystream.ledger.approvals.persistence;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Approval requests and their decisions; every method inside the caller's transaction. */
public final class ApprovalStore {

  private static final String REQUEST_COLUMNS =
      "r.request_id, r.action, r.target, r.payload, r.amount_minor, r.currency, r.reason,"
          + " r.requested_by, r.requested_at, r.expires_at";

  private final JdbcClient jdbc;

  public ApprovalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApprovalRequest r) {
    jdbc.sql(
            "insert into approval_request (request_id, action, target, payload, amount_minor,"
                + " currency, reason, requested_by, requested_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            r.requestId(),
            r.action(),
            r.target(),
            r.payload(),
            r.amountMinor(),
            r.currency(),
            r.reason(),
            r.requestedBy(),
            Timestamp.from(r.requestedAt()),
            Timestamp.from(r.expiresAt()))
        .update();
  }

  /**
   * The request. Not locked: the runtime role may not lock append-only rows (that takes UPDATE).
   * Deciders of one request are serialized by the decision's primary key instead ({@link #insert}):
   * the second waits for the first transaction and then finds the request decided.
   */
  public Optional<ApprovalRequest> request(UUID requestId) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from approval_request r where request_id = ?")
        .param(requestId)
        .query(ApprovalStore::request)
        .optional();
  }

  public Optional<ApprovalRequest> find(UUID requestId) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from approval_request r where request_id = ?")
        .param(requestId)
        .query(ApprovalStore::request)
        .optional();
  }

  public Optional<ApprovalDecision> decision(UUID requestId) {
    return jdbc.sql(
            "select request_id, verdict, decided_by, decided_at, reason from approval_decision"
                + " where request_id = ?")
        .param(requestId)
        .query(ApprovalStore::decision)
        .optional();
  }

  /** Records a decision; false when the request already had one (another decider was first). */
  public boolean insert(ApprovalDecision d) {
    return jdbc.sql(
                "insert into approval_decision (request_id, verdict, decided_by, decided_at, reason)"
                    + " values (?, ?, ?, ?, ?) on conflict (request_id) do nothing")
            .params(
                d.requestId(),
                d.verdict().name(),
                d.decidedBy(),
                Timestamp.from(d.decidedAt()),
                d.reason())
            .update()
        == 1;
  }

  /** A request with its decision, if it has one. */
  public record Row(ApprovalRequest request, Optional<ApprovalDecision> decision) {}

  /**
   * Newest first, at most {@code limit}; {@code state} PENDING or EXPIRED is judged at {@code now}
   * for undecided requests.
   */
  public List<Row> list(Optional<String> state, int limit, Instant now) {
    String where =
        state
            .map(
                s ->
                    switch (s) {
                      case "PENDING" -> " where d.request_id is null and r.expires_at > :now";
                      case "EXPIRED" ->
                          " where d.verdict = 'EXPIRED' or (d.request_id is null"
                              + " and r.expires_at <= :now)";
                      default -> " where d.verdict = :state";
                    })
            .orElse("");
    var statement =
        jdbc.sql(
                "select "
                    + REQUEST_COLUMNS
                    + ", d.verdict, d.decided_by, d.decided_at, d.reason as decision_reason"
                    + " from approval_request r left join approval_decision d"
                    + " on d.request_id = r.request_id"
                    + where
                    + " order by r.requested_at desc, r.request_id desc limit :limit")
            .param("limit", limit);
    if (where.contains(":now")) {
      statement = statement.param("now", Timestamp.from(now));
    }
    if (where.contains(":state")) {
      statement = statement.param("state", state.orElseThrow());
    }
    return statement
        .query(
            (rs, n) -> {
              ApprovalRequest request = request(rs, n);
              String verdict = rs.getString("verdict");
              Optional<ApprovalDecision> decision =
                  verdict == null
                      ? Optional.empty()
                      : Optional.of(
                          new ApprovalDecision(
                              request.requestId(),
                              ApprovalDecision.Verdict.valueOf(verdict),
                              rs.getString("decided_by"),
                              rs.getTimestamp("decided_at").toInstant(),
                              rs.getString("decision_reason")));
              return new Row(request, decision);
            })
        .list();
  }

  private static ApprovalRequest request(ResultSet rs, int row) throws SQLException {
    return new ApprovalRequest(
        rs.getObject("request_id", UUID.class),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("payload"),
        rs.getLong("amount_minor"),
        rs.getString("currency"),
        rs.getString("reason"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant());
  }

  private static ApprovalDecision decision(ResultSet rs, int row) throws SQLException {
    return new ApprovalDecision(
        rs.getObject("request_id", UUID.class),
        ApprovalDecision.Verdict.valueOf(rs.getString("verdict")),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getString("reason"));
  }
}
