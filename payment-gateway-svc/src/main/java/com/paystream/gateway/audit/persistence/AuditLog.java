package com.paystream.gateway.audit.persistence;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditEvents;
import com.paystream.gateway.audit.AuditPage;
import com.paystream.gateway.audit.AuditQuery;
import com.paystream.gateway.audit.AuditSearch;
import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.audit.CurrentActor;
import com.paystream.gateway.audit.RequestContext;
import com.paystream.gateway.outbox.Outbox;
import com.paystream.gateway.outbox.PublisherWakeup;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL: each record is a row of the append-only {@code audit_record} and,
 * in the same transaction, an outbox row that publishes it as an AuditEvent on audit.events.v1.
 */
@Repository
public class AuditLog implements AuditTrail, AuditSearch {

  /** The service name every record carries. */
  public static final String SERVICE = "payment-gateway-svc";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String INSERT =
      """
      insert into audit_record (audit_id, service, occurred_at, actor, role, credential, action,
                                subject_type, target, before_state, after_state, outcome, reason,
                                request_id, trace_id)
      values (:auditId, :service, :occurredAt, :actor, :role, :credential, :action, :subjectType,
              :target, :before, :after, :outcome, :reason, :requestId, :traceId)
      """;

  private final DatabaseClient db;
  private final AuditEvents events;
  private final Outbox outbox;
  private final PublisherWakeup wakeup;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public AuditLog(
      DatabaseClient db,
      AuditEvents events,
      Outbox outbox,
      PublisherWakeup wakeup,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.db = db;
    this.events = events;
    this.outbox = outbox;
    this.wakeup = wakeup;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  @Override
  public Mono<Void> append(AuditEntry entry) {
    return Mono.deferContextual(
        context ->
            CurrentActor.who()
                .map(
                    who ->
                        // Outside a request (no principal), the use case's own name for the actor.
                        AuditRecord.ANONYMOUS.equals(who.actor()) && !request(context).isPresent()
                            ? new Who(entry.actor(), "SYSTEM", "")
                            : who)
                .flatMap(
                    who ->
                        write(
                            new AuditRecord(
                                UUID.randomUUID(),
                                SERVICE,
                                entry.occurredAt(),
                                who.actor(),
                                who.role(),
                                who.credential(),
                                entry.action(),
                                entry.subjectId(),
                                entry.outcome(),
                                entry.reason(),
                                entry.requestId().orElseGet(() -> requestId(context)),
                                entry.traceId().isEmpty() ? traceId(context) : entry.traceId()),
                            entry.subjectType(),
                            entry.before(),
                            entry.after(),
                            context)));
  }

  @Override
  public Mono<Void> alone(
      String action, String target, AuditOutcome outcome, String reason, Optional<Who> actor) {
    return Mono.deferContextual(
            context ->
                actor
                    .map(Mono::just)
                    .orElseGet(CurrentActor::who)
                    .flatMap(
                        who ->
                            write(
                                new AuditRecord(
                                    UUID.randomUUID(),
                                    SERVICE,
                                    clock.instant(),
                                    who.actor(),
                                    who.role(),
                                    who.credential(),
                                    action,
                                    target,
                                    outcome,
                                    reason,
                                    requestId(context),
                                    traceId(context)),
                                null,
                                Optional.empty(),
                                Optional.empty(),
                                context)))
        .as(transaction::transactional)
        .doOnSuccess(done -> wakeup.wake());
  }

  private Mono<Void> write(
      AuditRecord record,
      String subjectType,
      Optional<Map<String, Object>> before,
      Optional<Map<String, Object>> after,
      ContextView context) {
    GenericExecuteSpec spec =
        db.sql(INSERT)
            .bind("auditId", record.auditId())
            .bind("service", record.service())
            .bind("occurredAt", record.occurredAt())
            .bind("actor", record.actor())
            .bind("role", record.role())
            .bind("credential", record.credential())
            .bind("action", record.action())
            .bind("target", record.target())
            .bind("outcome", record.outcome().name())
            .bind("reason", record.reason())
            .bind("requestId", record.requestId())
            .bind("traceId", record.traceId());
    spec =
        subjectType == null
            ? spec.bindNull("subjectType", String.class)
            : spec.bind("subjectType", subjectType);
    spec = json(spec, "before", before);
    spec = json(spec, "after", after);
    return spec.fetch()
        .rowsUpdated()
        .then(outbox.appendIfAbsent(events.message(record, spanId(record, context))))
        .doOnSuccess(done -> request(context).ifPresent(RequestContext::markAudited))
        .then();
  }

  @Override
  public Mono<AuditPage> find(AuditQuery query) {
    StringBuilder sql =
        new StringBuilder(
            "select seq, audit_id, service, occurred_at, actor, role, credential, action, target,"
                + " outcome, reason, request_id, trace_id from audit_record where true");
    List<Object[]> binds = new ArrayList<>();
    query.from().ifPresent(from -> where(sql, binds, "occurred_at >= :from", "from", from));
    query.to().ifPresent(to -> where(sql, binds, "occurred_at < :to", "to", to));
    query.actor().ifPresent(actor -> where(sql, binds, "actor = :actor", "actor", actor));
    query.action().ifPresent(action -> where(sql, binds, "action = :action", "action", action));
    query.target().ifPresent(target -> where(sql, binds, "target = :target", "target", target));
    query
        .outcome()
        .ifPresent(outcome -> where(sql, binds, "outcome = :outcome", "outcome", outcome.name()));
    query
        .after()
        .ifPresent(
            after -> {
              where(
                  sql,
                  binds,
                  "(occurred_at, seq) < (:afterAt, :afterSeq)",
                  "afterAt",
                  after.occurredAt());
              binds.add(new Object[] {"afterSeq", after.seq()});
            });
    sql.append(" order by occurred_at desc, seq desc limit :limit");
    GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", query.limit() + 1);
    for (Object[] bind : binds) {
      spec = spec.bind((String) bind[0], bind[1]);
    }
    return spec.map(
            row ->
                new Object[] {
                  row.get("seq", Long.class),
                  new AuditRecord(
                      row.get("audit_id", UUID.class),
                      row.get("service", String.class),
                      row.get("occurred_at", OffsetDateTime.class).toInstant(),
                      row.get("actor", String.class),
                      row.get("role", String.class),
                      row.get("credential", String.class),
                      row.get("action", String.class),
                      row.get("target", String.class),
                      AuditOutcome.valueOf(row.get("outcome", String.class)),
                      row.get("reason", String.class),
                      row.get("request_id", String.class),
                      row.get("trace_id", String.class))
                })
        .all()
        .collectList()
        .map(rows -> page(rows, query.limit()));
  }

  private static AuditPage page(List<Object[]> rows, int limit) {
    List<AuditRecord> items = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), limit); i++) {
      items.add((AuditRecord) rows.get(i)[1]);
    }
    Optional<AuditQuery.Position> next = Optional.empty();
    if (rows.size() > limit) {
      Object[] last = rows.get(limit - 1);
      next =
          Optional.of(
              new AuditQuery.Position(((AuditRecord) last[1]).occurredAt(), (Long) last[0]));
    }
    return new AuditPage(items, next);
  }

  private static void where(
      StringBuilder sql, List<Object[]> binds, String condition, String name, Object value) {
    sql.append(" and ").append(condition);
    binds.add(new Object[] {name, value instanceof Instant instant ? instant : value});
  }

  private static Optional<RequestContext> request(ContextView context) {
    return context.getOrEmpty(RequestContext.KEY);
  }

  private static String requestId(ContextView context) {
    return request(context).map(RequestContext::requestId).orElse("");
  }

  /** The request's server span, when the record belongs to the request's trace. */
  private static String spanId(AuditRecord record, ContextView context) {
    return request(context)
        .filter(r -> !r.traceId().isEmpty() && r.traceId().equals(record.traceId()))
        .map(RequestContext::spanId)
        .orElse("");
  }

  private static String traceId(ContextView context) {
    return request(context).map(RequestContext::traceId).orElse("");
  }

  private static GenericExecuteSpec json(
      GenericExecuteSpec spec, String name, Optional<Map<String, Object>> state) {
    return state.isPresent()
        ? spec.bind(name, Json.of(JSON.writeValueAsString(state.get())))
        : spec.bindNull(name, Json.class);
  }
}
