package com.paystream.gateway.approvals.persistence;

import com.paystream.gateway.approvals.ApprovalStore;
import com.paystream.gateway.approvals.StoredApproval;
import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code approval_request} and {@code approval_decision}: inserted, never changed. */
@Repository
public class R2dbcApprovalStore implements ApprovalStore {

  private static final String SELECT =
      """
      select r.request_id, r.action, r.target, r.payload::text as payload, r.amount_minor,
             r.currency, r.reason, r.requested_by, r.requested_at, r.expires_at,
             d.verdict, d.decided_by, d.decided_at, d.reason as decision_reason
        from approval_request r left join approval_decision d on d.request_id = r.request_id
      """;

  private final DatabaseClient db;

  public R2dbcApprovalStore(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Boolean> insertIfAbsent(ApprovalRequest request) {
    return db.sql(
            """
            insert into approval_request (request_id, action, target, payload, amount_minor,
                                          currency, reason, requested_by, requested_at, expires_at)
            values (:id, :action, :target, :payload, :amountMinor, :currency, :reason,
                    :requestedBy, :requestedAt, :expiresAt)
            on conflict (request_id) do nothing
            """)
        .bind("id", request.requestId())
        .bind("action", request.action())
        .bind("target", request.target())
        .bind("payload", Json.of(request.payload()))
        .bind("amountMinor", request.amountMinor())
        .bind("currency", request.currency())
        .bind("reason", request.reason())
        .bind("requestedBy", request.requestedBy())
        .bind("requestedAt", request.requestedAt())
        .bind("expiresAt", request.expiresAt())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  @Override
  public Mono<Boolean> decide(ApprovalDecision decision) {
    return db.sql(
            """
            insert into approval_decision (request_id, verdict, decided_by, decided_at, reason)
            values (:id, :verdict, :decidedBy, :decidedAt, :reason)
            on conflict (request_id) do nothing
            """)
        .bind("id", decision.requestId())
        .bind("verdict", decision.verdict().name())
        .bind("decidedBy", decision.decidedBy())
        .bind("decidedAt", decision.decidedAt())
        .bind("reason", decision.reason())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows == 1);
  }

  @Override
  public Mono<StoredApproval> find(UUID requestId) {
    return db.sql(SELECT + " where r.request_id = :id")
        .bind("id", requestId)
        .map(R2dbcApprovalStore::read)
        .one();
  }

  @Override
  public Flux<StoredApproval> list(Optional<StoredApproval.State> state, int limit, Instant now) {
    String where =
        state
            .map(
                s ->
                    switch (s) {
                      case PENDING -> " where d.request_id is null and r.expires_at > :now";
                      case EXPIRED ->
                          " where d.verdict = 'EXPIRED' or (d.request_id is null"
                              + " and r.expires_at <= :now)";
                      case APPROVED -> " where d.verdict = 'APPROVED'";
                      case REJECTED -> " where d.verdict = 'REJECTED'";
                    })
            .orElse("");
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(SELECT + where + " order by r.requested_at desc, r.request_id limit :limit")
            .bind("limit", limit);
    if (where.contains(":now")) {
      spec = spec.bind("now", now);
    }
    return spec.map(R2dbcApprovalStore::read).all();
  }

  private static StoredApproval read(Readable row) {
    ApprovalRequest request =
        new ApprovalRequest(
            row.get("request_id", UUID.class),
            row.get("action", String.class),
            row.get("target", String.class),
            row.get("payload", String.class),
            row.get("amount_minor", Long.class),
            row.get("currency", String.class),
            row.get("reason", String.class),
            row.get("requested_by", String.class),
            instant(row, "requested_at"),
            instant(row, "expires_at"));
    String verdict = row.get("verdict", String.class);
    Optional<ApprovalDecision> decision =
        verdict == null
            ? Optional.empty()
            : Optional.of(
                new ApprovalDecision(
                    request.requestId(),
                    ApprovalDecision.Verdict.valueOf(verdict),
                    row.get("decided_by", String.class),
                    instant(row, "decided_at"),
                    row.get("decision_reason", String.class)));
    return new StoredApproval(request, decision);
  }

  private static Instant instant(Readable row, String column) {
    return row.get(column, OffsetDateTime.class).toInstant();
  }
}
