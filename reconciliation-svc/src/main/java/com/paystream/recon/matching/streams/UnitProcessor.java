package com.paystream.recon.matching.streams;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.SettlementOrder;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.tracing.Traces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both matchers do around their units: one unit of type {@code U} per key in a store of its
 * own, a {@link DeadlineIndex} of when each must next be looked at, and a {@link ResultIndex} kept
 * in step with the results they publish.
 *
 * <p>Deadlines are wall-clock time ({@link ProcessorContext#currentSystemTimeMs()}, which the test
 * driver can move): a lost order must be reported even when nothing else ever arrives on its
 * partition, which stream time alone would never notice. A punctuator scheduled on wall-clock time
 * walks the deadline index in deadline order and handles at most {@code maxExpiriesPerRun} entries
 * per run, so one backlog cannot stall the task; the same walk also runs on stream time, so busy
 * partitions catch up between wall-clock runs.
 *
 * <p>Everything a record changes is computed before anything is written, so a record that fails
 * (and is dead-lettered) leaves no half-applied state behind.
 *
 * <p>Tracing: the work on a record continues the trace it carries (its {@code traceparent} header,
 * which the repartition topics pass on, else its envelope's trace id) in a span that is in scope,
 * on the stream thread, until the record is done. Each result carries the trace its event names
 * (the ledger line's, see {@code MatchUnit}) in its envelope and, as {@code traceparent} and {@code
 * paystream-trace-id} headers, the span it was produced in: the record's span when the trace is the
 * record's, else a span of its own in that trace (a statement line, a deadline or an operator
 * produced it). One money-trail line ({@value #TRAIL}) per result is logged in that span.
 *
 * <p>A matcher whose units hold a share of a figure of the clearing check ({@link #clearingKind})
 * forwards, after a unit changed, one {@link ClearingMove} per currency whose share it changed,
 * keyed by the currency, in the same transaction as the unit.
 *
 * <p>A decision may also carry settlements (the payout matcher's): each is forwarded after the
 * decision's results, keyed by its settlement id, in the same transaction as the unit it changed,
 * so a settlement is written exactly when its unit says it was.
 *
 * @param <V> what arrives on the processor's input
 * @param <U> the unit kept per key
 * @param <O> what the processor forwards: results, or results and settlements
 */
abstract class UnitProcessor<V, U, O> implements Processor<String, V, String, O> {

  private static final Logger log = LoggerFactory.getLogger(UnitProcessor.class);

  /** The project's money trail: one INFO line per unit of work belonging to a trace. */
  static final String TRAIL = "paystream.trail";

  private static final Logger trail = LoggerFactory.getLogger(TRAIL);
  private static final Headers NO_HEADERS = new RecordHeaders();
  private static final String RESULT_SPAN = "recon result";
  private static final String SETTLEMENT_SPAN = "recon settlement";

  /** The names of the stores one matcher owns. */
  record Stores(
      String units, String deadlines, String resultsByDate, String openBreaks, String totals) {}

  private final Stores stores;
  private final Function<String, U> empty;
  private final ToLongFunction<U> deadlineOf;
  private final Expiry<U> expiry;
  private final Duration punctuateInterval;
  private final int maxExpiriesPerRun;
  private final Traces traces;
  private final String spanName;

  private ProcessorContext<String, O> context;
  private KeyValueStore<String, U> units;
  private DeadlineIndex deadlines;
  private ResultIndex index;

  /**
   * @param empty the unit of a key that has seen nothing yet
   * @param deadlineOf when a unit must next be looked at, or 0 when never
   * @param expiry what a unit does when its deadline passed
   * @param spanName the name of the span of the work on one record
   */
  UnitProcessor(
      Stores stores,
      Function<String, U> empty,
      ToLongFunction<U> deadlineOf,
      Expiry<U> expiry,
      Duration punctuateInterval,
      int maxExpiriesPerRun,
      Traces traces,
      String spanName) {
    this.stores = stores;
    this.empty = empty;
    this.deadlineOf = deadlineOf;
    this.expiry = expiry;
    this.punctuateInterval = punctuateInterval;
    this.maxExpiriesPerRun = maxExpiriesPerRun;
    this.traces = traces;
    this.spanName = spanName;
  }

  /** The deadline of a unit passed at wall-clock time {@code nowMs}: judge it, or forget it. */
  @FunctionalInterface
  interface Expiry<U> {
    Decision expire(U unit, long nowMs);
  }

  /**
   * The key of the unit {@code record} is for: the record's key unless a matcher says otherwise.
   */
  String keyOf(Record<String, V> record) {
    return record.key();
  }

  /** The trace id the envelope of {@code value} names; empty for none. */
  abstract String traceIdOf(V value);

  /** Applies {@code value} to {@code unit} at wall-clock time {@code nowMs}. */
  abstract Decision apply(U unit, V value, long nowMs);

  /** What a result is forwarded as. */
  abstract O output(ReconResult result);

  /**
   * Which figure of the clearing check this matcher's units hold a share of; null (the default) for
   * none.
   */
  ClearingMove.Kind clearingKind() {
    return null;
  }

  /** A unit's share of its {@link #clearingKind()} figure, minor units per currency. */
  Map<String, Long> clearingShares(U unit) {
    return Map.of();
  }

  /** What a clearing move is forwarded as; only a matcher with a clearing kind has any. */
  O output(ClearingMove move) {
    throw new IllegalStateException("this matcher moves no clearing figure: " + move);
  }

  /** What a settlement is forwarded as; only a matcher whose units settle has any. */
  O output(Settlement settlement) {
    throw new IllegalStateException("this matcher settles nothing: " + settlement);
  }

  /** What an operator's {@code resolution} did; a break that is not open is only logged. */
  static Decision resolved(ManualResolution resolution, Decision decision) {
    if (!decision.applied()) {
      log.info("Manual resolution of {} ignored: the break is not open", resolution.breakId());
    }
    return decision;
  }

  @Override
  public final void init(ProcessorContext<String, O> context) {
    this.context = context;
    this.units = context.getStateStore(stores.units());
    this.deadlines = new DeadlineIndex(context.getStateStore(stores.deadlines()));
    this.index =
        new ResultIndex(
            context.getStateStore(stores.resultsByDate()),
            context.getStateStore(stores.openBreaks()),
            context.getStateStore(stores.totals()));
    context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::expireDue);
    context.schedule(punctuateInterval, PunctuationType.STREAM_TIME, ignored -> expireDue(now()));
  }

  @Override
  public final void process(Record<String, V> record) {
    try (Traces.Continued work =
        traces.continueRecord(record.headers(), traceIdOf(record.value()), spanName)) {
      try {
        process(record, work.context());
      } catch (RuntimeException e) {
        work.error(e);
        throw e;
      }
    }
  }

  private void process(Record<String, V> record, Optional<TraceParent> trace) {
    String key = keyOf(record);
    U stored = units.get(key);
    U unit = stored != null ? stored : empty.apply(key);
    long before = deadlineOf.applyAsLong(unit);
    Map<String, Long> shares = shares(unit);
    Decision decision = apply(unit, record.value(), now());
    if (decision.applied()) {
      commit(key, unit, before, shares, decision, record.timestamp(), trace);
    }
  }

  /** Handles the deadlines due at {@code nowMs}, oldest first, at most the bound per run. */
  final void expireDue(long nowMs) {
    List<DeadlineIndex.Due> due = deadlines.takeDue(nowMs, maxExpiriesPerRun);
    for (DeadlineIndex.Due d : due) {
      U unit = units.get(d.reference());
      if (unit == null || deadlineOf.applyAsLong(unit) != d.deadlineMs()) {
        continue; // the unit moved its deadline or is gone: the index entry was stale
      }
      Map<String, Long> shares = shares(unit);
      commit(
          d.reference(),
          unit,
          d.deadlineMs(),
          shares,
          expiry.expire(unit, nowMs),
          nowMs,
          Optional.empty());
    }
    if (due.size() == maxExpiriesPerRun) {
      log.info("{} deadlines handled this run; the rest wait for the next one", due.size());
    }
  }

  private Map<String, Long> shares(U unit) {
    return clearingKind() == null ? Map.of() : clearingShares(unit);
  }

  /**
   * Saves the unit and publishes the decision's results, its settlements and the moves of the
   * unit's clearing shares from {@code sharesBefore}; {@code trace} is the context of the work in
   * scope (the record's span), empty for none.
   */
  private void commit(
      String key,
      U unit,
      long previousDeadline,
      Map<String, Long> sharesBefore,
      Decision decision,
      long atMs,
      Optional<TraceParent> trace) {
    List<ReconResult> results = results(decision.events(), atMs);
    save(key, unit, previousDeadline, decision.forget());
    for (int i = 0; i < results.size(); i++) {
      ReconEvent event = decision.events().get(i);
      index.record(event);
      emit(event, results.get(i), atMs, trace);
    }
    for (SettlementOrder order : decision.settlements()) {
      settle(order, atMs, trace);
    }
    if (clearingKind() != null) {
      for (ClearingMove move : ClearingMove.between(clearingKind(), sharesBefore, shares(unit))) {
        context.forward(new Record<>(move.currency(), output(move), atMs, headers(trace)));
      }
    }
  }

  /** Writes a settlement in its trace: the record's span, or a span of its own. */
  private void settle(SettlementOrder order, long atMs, Optional<TraceParent> trace) {
    Settlement settlement = Settlements.toAvro(order, Instant.ofEpochMilli(atMs));
    String traceId = order.traceId();
    if (trace.map(TraceParent::traceId).orElse("").equals(traceId)
        || !TraceParent.validTraceId(traceId)) {
      forwardSettlement(order, settlement, atMs, trace.filter(t -> t.traceId().equals(traceId)));
      return;
    }
    try (Traces.Continued own = traces.continueRecord(NO_HEADERS, traceId, SETTLEMENT_SPAN)) {
      forwardSettlement(order, settlement, atMs, own.context());
    }
  }

  private void forwardSettlement(
      SettlementOrder order, Settlement settlement, long atMs, Optional<TraceParent> trace) {
    if (trail.isInfoEnabled()) {
      trail
          .atInfo()
          .addKeyValue("settlementId", order.settlementId())
          .addKeyValue("kind", order.kind())
          .addKeyValue("bankAmountMinor", order.bankAmountMinor())
          .addKeyValue("currency", order.currency())
          .addKeyValue("breakId", order.breakId())
          .log("recon settlement");
    }
    context.forward(new Record<>(order.settlementId(), output(settlement), atMs, headers(trace)));
  }

  private static Headers headers(Optional<TraceParent> trace) {
    Headers headers = new RecordHeaders();
    trace.ifPresent(
        t -> {
          OutboxHeaders.writeTraceParent(headers, t);
          headers.add(OutboxHeaders.TRACE_ID, t.traceId().getBytes(StandardCharsets.UTF_8));
        });
    return headers;
  }

  /** Publishes one result in its trace: the record's span, or a span of its own in that trace. */
  private void emit(ReconEvent event, ReconResult result, long atMs, Optional<TraceParent> trace) {
    String traceId = event.traceId() == null ? "" : event.traceId();
    if (trace.map(TraceParent::traceId).orElse("").equals(traceId)
        || !TraceParent.validTraceId(traceId)) {
      forward(event, result, atMs, trace.filter(t -> t.traceId().equals(traceId)));
      return;
    }
    try (Traces.Continued own = traces.continueRecord(NO_HEADERS, traceId, RESULT_SPAN)) {
      forward(event, result, atMs, own.context());
    }
  }

  private void forward(
      ReconEvent event, ReconResult result, long atMs, Optional<TraceParent> trace) {
    logResult(result);
    context.forward(new Record<>(event.reference(), output(result), atMs, headers(trace)));
  }

  private static void logResult(ReconResult result) {
    if (!trail.isInfoEnabled()) {
      return;
    }
    trail
        .atInfo()
        .addKeyValue("outcome", result.getOutcome())
        .addKeyValue("state", result.getState())
        .addKeyValue("paymentReference", result.getPaymentReference())
        .addKeyValue("breakId", result.getBreakId())
        .addKeyValue("businessDate", result.getBusinessDate())
        .addKeyValue("currency", result.getCurrency())
        .addKeyValue("eventId", result.getEnvelope().getEventId())
        .log("recon result");
  }

  private static List<ReconResult> results(List<ReconEvent> events, long atMs) {
    Instant at = Instant.ofEpochMilli(atMs);
    List<ReconResult> results = new ArrayList<>(events.size());
    for (ReconEvent event : events) {
      results.add(ReconResults.toAvro(event, at));
    }
    return results;
  }

  /** Writes the unit and moves its index entry if the deadline changed. */
  private void save(String key, U unit, long previousDeadline, boolean forget) {
    deadlines.move(key, previousDeadline, forget ? 0 : deadlineOf.applyAsLong(unit));
    if (forget) {
      units.delete(key);
    } else {
      units.put(key, unit);
    }
  }

  private long now() {
    return context.currentSystemTimeMs();
  }
}
