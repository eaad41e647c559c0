package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.matching.internal.InternalUnit;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.tracing.Traces;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Internal reconciliation: one {@link InternalUnit} per payment id in {@link
 * ReconStores#INTERNAL_UNITS}, with deadlines, results and totals in stores of its own; succeeded
 * callbacks, payment entries and manual resolutions arrive for a payment id.
 */
final class InternalProcessor extends UnitProcessor<InternalInbound, InternalUnit, ReconResult> {

  private final InternalRules rules;

  InternalProcessor(
      InternalRules rules, Duration punctuateInterval, int maxExpiriesPerRun, Traces traces) {
    super(
        new Stores(
            ReconStores.INTERNAL_UNITS,
            ReconStores.INTERNAL_DEADLINES,
            ReconStores.INTERNAL_RESULTS_BY_DATE,
            ReconStores.INTERNAL_OPEN_BREAKS,
            ReconStores.BOOKED_TOTALS),
        InternalUnit::empty,
        InternalUnit::deadlineMs,
        InternalUnit::expire,
        punctuateInterval,
        maxExpiriesPerRun,
        traces,
        "recon internal");
    this.rules = rules;
  }

  @Override
  ReconResult output(ReconResult result) {
    return result;
  }

  @Override
  String traceIdOf(InternalInbound value) {
    return value instanceof InternalInbound.Arrival arrival ? arrival.arrival().traceId() : "";
  }

  /** Arrivals name their payment; a resolution names it as the break's reference. */
  @Override
  String keyOf(Record<String, InternalInbound> record) {
    return record.value() instanceof InternalInbound.Arrival a
        ? a.arrival().paymentId().value()
        : ((InternalInbound.Resolution) record.value()).resolution().reference();
  }

  @Override
  Decision apply(InternalUnit unit, InternalInbound value, long nowMs) {
    if (value instanceof InternalInbound.Arrival arrival) {
      return unit.accept(arrival.arrival(), nowMs, rules);
    }
    ManualResolution r = ((InternalInbound.Resolution) value).resolution();
    return resolved(r, unit.resolve(r.breakId(), r.reason(), r.resolutionId(), nowMs, rules));
  }
}
