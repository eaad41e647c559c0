package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.schemas.recon.ReconResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
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
 * @param <V> what arrives on the processor's input
 * @param <U> the unit kept per key
 */
abstract class UnitProcessor<V, U> implements Processor<String, V, String, ReconResult> {

  private static final Logger log = LoggerFactory.getLogger(UnitProcessor.class);

  /** The names of the stores one matcher owns. */
  record Stores(
      String units, String deadlines, String resultsByDate, String openBreaks, String totals) {}

  private final Stores stores;
  private final Function<String, U> empty;
  private final ToLongFunction<U> deadlineOf;
  private final Expiry<U> expiry;
  private final Duration punctuateInterval;
  private final int maxExpiriesPerRun;

  private ProcessorContext<String, ReconResult> context;
  private KeyValueStore<String, U> units;
  private DeadlineIndex deadlines;
  private ResultIndex index;

  /**
   * @param empty the unit of a key that has seen nothing yet
   * @param deadlineOf when a unit must next be looked at, or 0 when never
   * @param expiry what a unit does when its deadline passed
   */
  UnitProcessor(
      Stores stores,
      Function<String, U> empty,
      ToLongFunction<U> deadlineOf,
      Expiry<U> expiry,
      Duration punctuateInterval,
      int maxExpiriesPerRun) {
    this.stores = stores;
    this.empty = empty;
    this.deadlineOf = deadlineOf;
    this.expiry = expiry;
    this.punctuateInterval = punctuateInterval;
    this.maxExpiriesPerRun = maxExpiriesPerRun;
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

  /** Applies {@code value} to {@code unit} at wall-clock time {@code nowMs}. */
  abstract Decision apply(U unit, V value, long nowMs);

  /** What an operator's {@code resolution} did; a break that is not open is only logged. */
  static Decision resolved(ManualResolution resolution, Decision decision) {
    if (!decision.applied()) {
      log.info("Manual resolution of {} ignored: the break is not open", resolution.breakId());
    }
    return decision;
  }

  @Override
  public final void init(ProcessorContext<String, ReconResult> context) {
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
    String key = keyOf(record);
    U stored = units.get(key);
    U unit = stored != null ? stored : empty.apply(key);
    long before = deadlineOf.applyAsLong(unit);
    Decision decision = apply(unit, record.value(), now());
    if (decision.applied()) {
      commit(key, unit, before, decision, record.timestamp());
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
      commit(d.reference(), unit, d.deadlineMs(), expiry.expire(unit, nowMs), nowMs);
    }
    if (due.size() == maxExpiriesPerRun) {
      log.info("{} deadlines handled this run; the rest wait for the next one", due.size());
    }
  }

  private void commit(String key, U unit, long previousDeadline, Decision decision, long atMs) {
    List<ReconResult> results = results(decision.events(), atMs);
    save(key, unit, previousDeadline, decision.forget());
    for (int i = 0; i < results.size(); i++) {
      ReconEvent event = decision.events().get(i);
      index.record(event);
      context.forward(new Record<>(event.reference(), results.get(i), atMs));
    }
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
