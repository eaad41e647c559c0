package com.paystream.gateway.statusquery;

import com.paystream.gateway.callbacks.CallbackRecorder;
import com.paystream.gateway.callbacks.RecordOutcome;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.providers.ProviderPaymentStatus;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.gateway.support.TraceIds;
import com.paystream.gateway.support.Trail;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One round of status queries: schedule the payments that have been open too long, claim a bounded
 * batch of due ones, ask their providers (a few at a time) and record each answer through the
 * callback recorder, exactly as a webhook would be recorded. Then reschedule or close each row.
 *
 * <p>No database transaction is held while a provider is asked: the claim is a lease (the row's due
 * time moves forward by it), so a crashed instance's claims simply become due again.
 */
public final class StatusQueries {

  private static final Logger log = LoggerFactory.getLogger(StatusQueries.class);

  /** Tuning of one round. */
  public record Limits(int batchSize, int concurrency, Duration lease) {

    public Limits {
      if (batchSize < 1 || concurrency < 1) {
        throw new IllegalArgumentException("batch size and concurrency must be positive");
      }
    }
  }

  private final ScheduleStore store;
  private final ProviderClients providers;
  private final CallbackRecorder recorder;
  private final QueryPolicy policy;
  private final Limits limits;
  private final StatusQueryMetrics metrics;
  private final Clock clock;
  private final QueryTraces traces;

  public StatusQueries(
      ScheduleStore store,
      ProviderClients providers,
      CallbackRecorder recorder,
      QueryPolicy policy,
      Limits limits,
      StatusQueryMetrics metrics,
      Clock clock,
      QueryTraces traces) {
    this.store = store;
    this.providers = providers;
    this.recorder = recorder;
    this.policy = policy;
    this.limits = limits;
    this.metrics = metrics;
    this.clock = clock;
    this.traces = traces;
  }

  /** Runs one round; emits how many due rows it handled (a full batch means more may be due). */
  public Mono<Integer> runOnce() {
    Instant now = clock.instant();
    return store
        .seed(now.minus(policy.threshold()), now.minus(policy.maxAge()), now)
        .then(
            Mono.defer(
                () -> store.claim(now, limits.batchSize(), limits.lease(), UUID.randomUUID())))
        .flatMap(this::handleAll);
  }

  /** Rounds until fewer than a batch was due. */
  public Mono<Integer> drain() {
    return runOnce()
        .expand(handled -> handled >= limits.batchSize() ? runOnce() : Mono.empty())
        .reduce(0, Integer::sum);
  }

  private Mono<Integer> handleAll(List<DueQuery> due) {
    return Flux.fromIterable(due)
        .flatMap(this::handle, limits.concurrency())
        .then(Mono.just(due.size()));
  }

  /** Asks about one payment inside its query's trace (see {@link QueryTraces}). */
  private Mono<Void> handle(DueQuery query) {
    return Mono.defer(
        () -> {
          Observation observation = traces.start(query);
          Mono<Void> work;
          // In scope while the query is assembled too: its first checks log on this thread.
          try (Observation.Scope scope = observation.openScope()) {
            work = ask(query, QueryTraces.ids(observation));
          }
          return work.doOnError(observation::error)
              .doFinally(signal -> observation.stop())
              .contextWrite(
                  context -> context.put(ObservationThreadLocalAccessor.KEY, observation));
        });
  }

  private Mono<Void> ask(DueQuery query, TraceIds trace) {
    String provider = query.provider().orElse("unknown");
    Instant now = clock.instant();
    if (query.settledMeanwhile()) {
      return finish(query, provider, query.attempts(), QueryOutcome.SETTLED, true);
    }
    if (query.reason() == DueQuery.QueryReason.OVERDUE && policy.expired(query.startedAt(), now)) {
      log.warn(
          "Payment {} still open at {} after {} status queries; giving up, reconciliation remains",
          query.paymentId(),
          provider,
          query.attempts());
      metrics.outcome(provider, QueryOutcome.EXPIRED);
      trail(query, provider, query.attempts(), QueryOutcome.EXPIRED);
      return store.close(query, query.attempts(), true, QueryOutcome.EXPIRED, now);
    }
    Optional<ProviderClient> client = query.provider().flatMap(providers::find);
    if (client.isEmpty()) {
      // Asking again cannot help until a deployment adds the client; ending the schedule stops a
      // query that would otherwise be claimed, refused and rescheduled forever.
      log.warn(
          "Payment {}: no client for provider {}; status queries end (EXPIRED)",
          query.paymentId(),
          provider);
      metrics.outcome(provider, QueryOutcome.NO_CLIENT);
      trail(query, provider, query.attempts(), QueryOutcome.NO_CLIENT);
      return store.close(query, query.attempts(), true, QueryOutcome.NO_CLIENT, now);
    }
    metrics.sent(provider, query.reason());
    int attempts = query.attempts() + 1;
    return client
        .get()
        .paymentStatus(query.paymentId())
        .flatMap(answer -> answered(query, provider, answer, attempts, trace))
        .onErrorResume(error -> finish(query, provider, attempts, failure(query, error), false));
  }

  private Mono<Void> answered(
      DueQuery query,
      String provider,
      Optional<ProviderPaymentStatus> answer,
      int attempts,
      TraceIds trace) {
    if (answer.isEmpty()) {
      return finish(query, provider, attempts, QueryOutcome.NOT_FOUND, false);
    }
    ProviderPaymentStatus observed = answer.get();
    if (!observed.paymentId().value().equals(query.paymentId())) {
      log.warn(
          "Provider {} answered a status query for {} about payment {}; refused",
          provider,
          query.paymentId(),
          observed.paymentId());
      return finish(query, provider, attempts, QueryOutcome.INVALID_ANSWER, false);
    }
    Optional<PaymentStatus> status = StatusMapping.map(observed.status());
    if (status.isEmpty()) {
      log.warn(
          "Provider {} reported unknown status '{}' for payment {}; refused, asked again later",
          provider,
          observed.status(),
          query.paymentId());
      return finish(query, provider, attempts, QueryOutcome.UNKNOWN_STATUS, false);
    }
    return recorder
        .record(StatusObservations.callback(provider, observed, status.get(), trace))
        .flatMap(
            outcome -> {
              QueryOutcome result = recorded(query, provider, outcome);
              return finish(query, provider, attempts, result, !StatusMapping.isOpen(status.get()));
            })
        .onErrorResume(
            error -> {
              log.warn(
                  "Recording the status of payment {} failed; asked again later",
                  query.paymentId(),
                  error);
              return finish(query, provider, attempts, QueryOutcome.RECORD_FAILED, false);
            });
  }

  private QueryOutcome recorded(DueQuery query, String provider, RecordOutcome outcome) {
    if (!(outcome instanceof RecordOutcome.Recorded recorded)) {
      return QueryOutcome.DUPLICATE;
    }
    boolean movedOut =
        recorded.decision().moved()
            && StatusMapping.isOpen(recorded.decision().from())
            && !StatusMapping.isOpen(recorded.decision().to());
    if (movedOut
        || (recorded.paymentCreated() && !StatusMapping.isOpen(recorded.decision().to()))) {
      metrics.recovered(provider, recorded.decision().to().name());
      log.info(
          "Payment {} recovered by a status query at {}: {} (callback {})",
          query.paymentId(),
          provider,
          recorded.decision().to(),
          recorded.callbackId());
    }
    return QueryOutcome.RECORDED;
  }

  private static QueryOutcome failure(DueQuery query, Throwable error) {
    if (error instanceof ProviderRefused) {
      log.warn("Status query for payment {} refused: {}", query.paymentId(), error.getMessage());
      return QueryOutcome.REFUSED;
    }
    if (!(error instanceof ProviderUnavailable)) {
      log.warn("Status query for payment {} failed", query.paymentId(), error);
    } else {
      log.info("Status query for payment {}: {}", query.paymentId(), error.getMessage());
    }
    return QueryOutcome.UNAVAILABLE;
  }

  /** The query's money-trail line, in its trace. */
  private static void trail(DueQuery query, String provider, int attempts, QueryOutcome outcome) {
    Trail.log()
        .info(
            "status query provider={} paymentId={} reason={} attempts={} outcome={}",
            provider,
            query.paymentId(),
            query.reason(),
            attempts,
            outcome);
  }

  private Mono<Void> finish(
      DueQuery query, String provider, int attempts, QueryOutcome outcome, boolean done) {
    metrics.outcome(provider, outcome);
    trail(query, provider, attempts, outcome);
    Instant now = clock.instant();
    if (done) {
      return store.close(query, attempts, false, outcome, now);
    }
    Duration wait = policy.waitAfter(Math.max(1, attempts));
    return store.reschedule(query, attempts, now.plus(wait), outcome, now);
  }
}
