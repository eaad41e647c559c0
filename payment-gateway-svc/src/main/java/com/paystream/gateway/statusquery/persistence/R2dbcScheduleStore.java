package com.paystream.gateway.statusquery.persistence;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.statusquery.DueQuery;
import com.paystream.gateway.statusquery.QueryOutcome;
import com.paystream.gateway.statusquery.ScheduleStore;
import com.paystream.platform.tracing.TraceParent;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The schedule in {@code status_query_schedule}. Due rows are found with one query on the partial
 * index {@code (next_query_at) where state = 'ACTIVE'} and claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances share the work without waiting on each other; the claim moves the
 * due time forward by the lease, and a finish only applies under the claim's token, so a lost-order
 * trigger that arrives during a query is never overwritten.
 */
public final class R2dbcScheduleStore implements ScheduleStore {

  /**
   * Open payments last changed between the mark (less a margin, for transactions that committed
   * late) and the cutoff get a row due now. The mark row's lock serializes seeding between
   * instances; the scan uses the partial index payment_open_by_age.
   */
  private static final String SEED =
      """
      with mark as (
        select seeded_until from status_query_seed_mark where id for update
      ), seeded as (
        insert into status_query_schedule (payment_id, provider, state, reason, next_query_at,
                                           attempts, started_at, updated_at)
        select p.payment_id, p.provider, 'ACTIVE', 'OVERDUE', :now, 0, :now, :now
        from payment p, mark m
        where p.status in ('CREATED', 'PENDING')
          and p.updated_at <= :cutoff
          and p.updated_at > greatest(m.seeded_until - make_interval(secs => :overlapSeconds),
                                      :oldest)
        on conflict (payment_id) do nothing
        returning payment_id
      ), advanced as (
        update status_query_seed_mark set seeded_until = greatest(seeded_until, :cutoff)
        where id returning 1
      )
      select (select count(*) from seeded) as seeded, (select count(*) from advanced) as marks
      """;

  private static final String CLAIM =
      """
      with due as (
        select payment_id from status_query_schedule
        where state = 'ACTIVE' and next_query_at <= :now
        order by next_query_at
        limit :limit
        for update skip locked
      ), claimed as (
        update status_query_schedule s
        set next_query_at = :leaseUntil, claim_token = :token, updated_at = :now
        from due
        where s.payment_id = due.payment_id
        returning s.payment_id, s.provider, s.reason, s.attempts, s.started_at,
                  s.trigger_traceparent
      )
      select c.payment_id, coalesce(c.provider, p.provider) as provider, c.reason, c.attempts,
             c.started_at, p.status, c.trigger_traceparent
      from claimed c left join payment p on p.payment_id = c.payment_id
      """;

  private static final String RESCHEDULE =
      """
      update status_query_schedule
      set attempts = :attempts, next_query_at = :next, last_query_at = :now,
          last_outcome = :outcome, claim_token = null, reason = 'OVERDUE',
          trigger_traceparent = null, updated_at = :now
      where payment_id = :paymentId and claim_token = :token
      """;

  private static final String CLOSE =
      """
      update status_query_schedule
      set state = :state, attempts = :attempts, last_query_at = :now, last_outcome = :outcome,
          claim_token = null, reason = 'OVERDUE', trigger_traceparent = null, updated_at = :now
      where payment_id = :paymentId and claim_token = :token
      """;

  /**
   * A new trigger event (re)activates the row and makes it due now, taking it from any claim in
   * flight; the same event again matches nothing and returns no row.
   */
  private static final String REQUEST_NOW =
      """
      insert into status_query_schedule (payment_id, provider, state, reason, next_query_at,
                                         attempts, started_at, updated_at, trigger_event_id,
                                         trigger_traceparent)
      values (:paymentId,
              coalesce((select provider from payment where payment_id = :paymentId), :provider),
              'ACTIVE', 'LOST_ORDER', :now, 0, :now, :now, :eventId, :traceparent)
      on conflict (payment_id) do update
      set state = 'ACTIVE', reason = 'LOST_ORDER', next_query_at = excluded.next_query_at,
          started_at = excluded.started_at, claim_token = null,
          provider = coalesce(status_query_schedule.provider, excluded.provider),
          trigger_event_id = excluded.trigger_event_id,
          trigger_traceparent = excluded.trigger_traceparent, updated_at = excluded.updated_at
      where status_query_schedule.trigger_event_id is distinct from excluded.trigger_event_id
      returning payment_id
      """;

  private static final String KNOWS = "select 1 from payment where payment_id = :paymentId";

  /**
   * A lost order's schedule is one a trigger event reached ({@code reason} is back to OVERDUE after
   * its first query). Clearing the claim token makes a query in flight finish into nothing.
   */
  private static final String END_LOST_ORDER =
      """
      update status_query_schedule
      set state = 'DONE', last_outcome = 'BREAK_RESOLVED', claim_token = null, updated_at = :now
      where payment_id = :paymentId and state = 'ACTIVE' and trigger_event_id is not null
      returning payment_id
      """;

  private final DatabaseClient db;
  private final Duration seedOverlap;

  public R2dbcScheduleStore(DatabaseClient db, Duration seedOverlap) {
    this.db = db;
    this.seedOverlap = seedOverlap;
  }

  @Override
  public Mono<Long> seed(Instant openSince, Instant oldest, Instant now) {
    return db.sql(SEED)
        .bind("now", now)
        .bind("cutoff", openSince)
        .bind("oldest", oldest)
        .bind("overlapSeconds", (double) seedOverlap.toSeconds())
        .map(row -> row.get("seeded", Long.class))
        .one();
  }

  @Override
  public Mono<List<DueQuery>> claim(Instant now, int limit, Duration lease, UUID claimToken) {
    return db.sql(CLAIM)
        .bind("now", now)
        .bind("limit", limit)
        .bind("leaseUntil", now.plus(lease))
        .bind("token", claimToken)
        .map(row -> due(row, claimToken))
        .all()
        .collectList();
  }

  private static DueQuery due(Readable row, UUID token) {
    return new DueQuery(
        row.get("payment_id", String.class),
        Optional.ofNullable(row.get("provider", String.class)),
        DueQuery.QueryReason.valueOf(row.get("reason", String.class)),
        row.get("attempts", Integer.class),
        row.get("started_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(row.get("status", String.class)).map(PaymentStatus::valueOf),
        token,
        TraceParent.parse(row.get("trigger_traceparent", String.class)));
  }

  @Override
  public Mono<Void> reschedule(
      DueQuery query, int attempts, Instant next, QueryOutcome outcome, Instant now) {
    return db.sql(RESCHEDULE)
        .bind("attempts", attempts)
        .bind("next", next)
        .bind("now", now)
        .bind("outcome", outcome.name())
        .bind("paymentId", query.paymentId())
        .bind("token", query.claimToken())
        .then();
  }

  @Override
  public Mono<Void> close(
      DueQuery query, int attempts, boolean expired, QueryOutcome outcome, Instant now) {
    return db.sql(CLOSE)
        .bind("state", expired ? "EXPIRED" : "DONE")
        .bind("attempts", attempts)
        .bind("now", now)
        .bind("outcome", outcome.name())
        .bind("paymentId", query.paymentId())
        .bind("token", query.claimToken())
        .then();
  }

  @Override
  public Mono<Boolean> requestNow(
      String paymentId,
      Optional<String> provider,
      String triggerEventId,
      Optional<TraceParent> trigger,
      Instant now) {
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(REQUEST_NOW)
            .bind("paymentId", paymentId)
            .bind("now", now)
            .bind("eventId", triggerEventId);
    spec =
        provider.isPresent()
            ? spec.bind("provider", provider.get())
            : spec.bindNull("provider", String.class);
    spec =
        trigger.isPresent()
            ? spec.bind("traceparent", trigger.get().header())
            : spec.bindNull("traceparent", String.class);
    return spec.map(row -> row.get("payment_id", String.class)).all().hasElements();
  }

  @Override
  public Mono<Boolean> knows(String paymentId) {
    return db.sql(KNOWS).bind("paymentId", paymentId).map(row -> 1).all().hasElements();
  }

  @Override
  public Mono<Boolean> endLostOrder(String paymentId, Instant now) {
    return db.sql(END_LOST_ORDER)
        .bind("paymentId", paymentId)
        .bind("now", now)
        .map(row -> row.get("payment_id", String.class))
        .all()
        .hasElements();
  }
}
