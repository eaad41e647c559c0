package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.matching.internal.InternalUnit;
import com.paystream.schemas.recon.ReconResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Internal reconciliation: one {@link InternalUnit} per payment id in {@link
 * ReconStores#INTERNAL_UNITS}, deadlines on wall-clock time (and swept on stream time too), exactly
 * as the {@link MatchProcessor} does for statements, with stores of its own.
 */
final class InternalProcessor implements Processor<String, InternalInbound, String, ReconResult> {

  private static final Logger log = LoggerFactory.getLogger(InternalProcessor.class);

  private final InternalRules rules;
  private final Duration punctuateInterval;
  private final int maxExpiriesPerRun;

  private ProcessorContext<String, ReconResult> context;
  private KeyValueStore<String, InternalUnit> units;
  private DeadlineIndex deadlines;
  private ResultIndex index;

  InternalProcessor(InternalRules rules, Duration punctuateInterval, int maxExpiriesPerRun) {
    this.rules = rules;
    this.punctuateInterval = punctuateInterval;
    this.maxExpiriesPerRun = maxExpiriesPerRun;
  }

  @Override
  public void init(ProcessorContext<String, ReconResult> context) {
    this.context = context;
    this.units = context.getStateStore(ReconStores.INTERNAL_UNITS);
    this.deadlines = new DeadlineIndex(context.getStateStore(ReconStores.INTERNAL_DEADLINES));
    this.index =
        new ResultIndex(
            context.getStateStore(ReconStores.INTERNAL_RESULTS_BY_DATE),
            context.getStateStore(ReconStores.INTERNAL_OPEN_BREAKS),
            context.getStateStore(ReconStores.BOOKED_TOTALS));
    context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::expireDue);
    context.schedule(punctuateInterval, PunctuationType.STREAM_TIME, ignored -> expireDue(now()));
  }

  @Override
  public void process(Record<String, InternalInbound> record) {
    String paymentId =
        record.value() instanceof InternalInbound.Arrival a
            ? a.arrival().paymentId()
            : ((InternalInbound.Resolution) record.value()).resolution().reference();
    InternalUnit stored = units.get(paymentId);
    InternalUnit unit = stored != null ? stored : InternalUnit.empty(paymentId);
    long before = unit.deadlineMs();
    long now = now();
    InternalUnit.Decision decision;
    if (record.value() instanceof InternalInbound.Arrival arrival) {
      decision = unit.accept(arrival.arrival(), now, rules);
    } else {
      var resolution = ((InternalInbound.Resolution) record.value()).resolution();
      decision =
          unit.resolve(
              resolution.breakId(), resolution.reason(), resolution.resolutionId(), now, rules);
      if (!decision.applied()) {
        log.info("Manual resolution of {} ignored: the break is not open", resolution.breakId());
      }
    }
    if (decision.applied()) {
      save(unit, before, decision.forget());
      publish(decision.events(), record.timestamp());
    }
  }

  void expireDue(long nowMs) {
    for (DeadlineIndex.Due due : deadlines.takeDue(nowMs, maxExpiriesPerRun)) {
      InternalUnit unit = units.get(due.reference());
      if (unit == null || unit.deadlineMs() != due.deadlineMs()) {
        continue; // stale index entry: the unit moved its deadline or is gone
      }
      InternalUnit.Decision decision = unit.expire(nowMs);
      save(unit, due.deadlineMs(), decision.forget());
      publish(decision.events(), nowMs);
    }
  }

  private void save(InternalUnit unit, long previousDeadline, boolean forget) {
    deadlines.move(unit.paymentId(), previousDeadline, forget ? 0 : unit.deadlineMs());
    if (forget) {
      units.delete(unit.paymentId());
    } else {
      units.put(unit.paymentId(), unit);
    }
  }

  private void publish(List<ReconEvent> events, long timestamp) {
    Instant at = Instant.ofEpochMilli(timestamp);
    for (ReconEvent event : events) {
      index.record(event);
      context.forward(new Record<>(event.reference(), ReconResults.toAvro(event, at), timestamp));
    }
  }

  private long now() {
    return context.currentSystemTimeMs();
  }
}
