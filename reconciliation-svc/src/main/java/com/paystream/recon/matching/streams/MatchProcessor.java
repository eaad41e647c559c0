package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.MatchUnit;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.schemas.recon.ReconResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher: one {@link MatchUnit} per payment reference, kept in {@link ReconStores#UNITS}.
 *
 * <p>Deadlines are wall-clock time ({@link ProcessorContext#currentSystemTimeMs()}, which the test
 * driver can move): a lost order must be reported even when nothing else ever arrives on its
 * partition, which stream time alone would never notice. A punctuator scheduled on wall-clock time
 * walks {@link ReconStores#DEADLINES} in deadline order and handles at most {@code
 * maxExpiriesPerRun} entries per run, so one backlog cannot stall the task; the same walk also runs
 * on stream time, so busy partitions catch up between wall-clock runs.
 *
 * <p>Everything a record changes is computed before anything is written, so a record that fails
 * (and is dead-lettered) leaves no half-applied state behind.
 */
final class MatchProcessor implements Processor<String, Inbound, String, ReconResult> {

  private static final Logger log = LoggerFactory.getLogger(MatchProcessor.class);

  private final MatchRules rules;
  private final Duration punctuateInterval;
  private final int maxExpiriesPerRun;

  private ProcessorContext<String, ReconResult> context;
  private KeyValueStore<String, MatchUnit> units;
  private DeadlineIndex deadlines;
  private ResultIndex index;

  MatchProcessor(MatchRules rules, Duration punctuateInterval, int maxExpiriesPerRun) {
    this.rules = rules;
    this.punctuateInterval = punctuateInterval;
    this.maxExpiriesPerRun = maxExpiriesPerRun;
  }

  @Override
  public void init(ProcessorContext<String, ReconResult> context) {
    this.context = context;
    this.units = context.getStateStore(ReconStores.UNITS);
    this.deadlines = new DeadlineIndex(context.getStateStore(ReconStores.DEADLINES));
    this.index =
        new ResultIndex(
            context.getStateStore(ReconStores.RESULTS_BY_DATE),
            context.getStateStore(ReconStores.OPEN_BREAKS),
            context.getStateStore(ReconStores.MATCHED_TOTALS));
    context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::expireDue);
    context.schedule(punctuateInterval, PunctuationType.STREAM_TIME, ignored -> expireDue(now()));
  }

  @Override
  public void process(Record<String, Inbound> record) {
    String reference = record.key();
    MatchUnit stored = units.get(reference);
    MatchUnit unit = stored != null ? stored : MatchUnit.empty(reference);
    long before = unit.deadlineMs();
    long now = now();
    MatchUnit.Decision decision;
    if (record.value() instanceof Inbound.Line line) {
      decision = unit.accept(line.arrival(), now, rules);
    } else {
      var resolution = ((Inbound.Resolution) record.value()).resolution();
      decision =
          unit.resolve(
              resolution.breakId(), resolution.reason(), resolution.resolutionId(), now, rules);
      if (!decision.applied()) {
        log.info("Manual resolution of {} ignored: the break is not open", resolution.breakId());
      }
    }
    if (!decision.applied()) {
      return;
    }
    List<KeyValue<String, ReconResult>> results = results(decision.events(), record.timestamp());
    save(unit, before, decision.forget());
    publish(decision.events(), results, record.timestamp());
  }

  /** Handles the deadlines due at {@code nowMs}, oldest first, at most the bound per run. */
  void expireDue(long nowMs) {
    List<DeadlineIndex.Due> due = deadlines.takeDue(nowMs, maxExpiriesPerRun);
    due.forEach(d -> expire(d.reference(), d.deadlineMs(), nowMs));
    if (due.size() == maxExpiriesPerRun) {
      log.info("{} deadlines handled this run; the rest wait for the next one", due.size());
    }
  }

  private void expire(String reference, long deadlineMs, long nowMs) {
    MatchUnit unit = units.get(reference);
    if (unit == null || unit.deadlineMs() != deadlineMs) {
      return; // the unit moved its deadline or is gone: the index entry was stale
    }
    MatchUnit.Decision decision = unit.expire(nowMs, rules);
    List<KeyValue<String, ReconResult>> results = results(decision.events(), nowMs);
    save(unit, deadlineMs, decision.forget());
    publish(decision.events(), results, nowMs);
  }

  private List<KeyValue<String, ReconResult>> results(List<ReconEvent> events, long atMs) {
    Instant at = Instant.ofEpochMilli(atMs);
    List<KeyValue<String, ReconResult>> results = new ArrayList<>(events.size());
    for (ReconEvent event : events) {
      results.add(KeyValue.pair(event.reference(), ReconResults.toAvro(event, at)));
    }
    return results;
  }

  /** Writes the unit and moves its index entry if the deadline changed. */
  private void save(MatchUnit unit, long previousDeadline, boolean forget) {
    deadlines.move(unit.reference(), previousDeadline, forget ? 0 : unit.deadlineMs());
    if (forget) {
      units.delete(unit.reference());
    } else {
      units.put(unit.reference(), unit);
    }
  }

  private void publish(
      List<ReconEvent> events, List<KeyValue<String, ReconResult>> results, long timestamp) {
    for (int i = 0; i < events.size(); i++) {
      record(events.get(i));
      KeyValue<String, ReconResult> result = results.get(i);
      context.forward(new Record<>(result.key, result.value, timestamp));
    }
  }

  private void record(ReconEvent event) {
    index.record(event);
  }

  private long now() {
    return context.currentSystemTimeMs();
  }
}
