package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.matching.payouts.PayoutUnit;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.tracing.Traces;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;

/**
 * Leg A: one {@link PayoutUnit} per payout reference in {@link ReconStores#PAYOUT_UNITS}, with
 * deadlines, results and totals in stores of its own; the lines naming the payout and manual
 * resolutions of its breaks arrive keyed by payout reference. It forwards results and the
 * settlements its units decide, which the topology splits onto their topics.
 */
final class PayoutProcessor extends UnitProcessor<Inbound, PayoutUnit, SpecificRecord> {

  private final PayoutRules rules;

  PayoutProcessor(
      PayoutRules rules, Duration punctuateInterval, int maxExpiriesPerRun, Traces traces) {
    super(
        new Stores(
            ReconStores.PAYOUT_UNITS,
            ReconStores.PAYOUT_DEADLINES,
            ReconStores.PAYOUT_RESULTS_BY_DATE,
            ReconStores.PAYOUT_OPEN_BREAKS,
            ReconStores.PAYOUT_TOTALS),
        PayoutUnit::empty,
        PayoutUnit::deadlineMs,
        (unit, nowMs) -> unit.expire(nowMs, rules),
        punctuateInterval,
        maxExpiriesPerRun,
        traces,
        "recon payout");
    this.rules = rules;
  }

  @Override
  SpecificRecord output(ReconResult result) {
    return result;
  }

  @Override
  SpecificRecord output(Settlement settlement) {
    return settlement;
  }

  @Override
  String traceIdOf(Inbound value) {
    return value instanceof Inbound.Payout payout ? payout.line().traceId() : "";
  }

  @Override
  Decision apply(PayoutUnit unit, Inbound value, long nowMs) {
    if (value instanceof Inbound.Resolution resolution) {
      ManualResolution r = resolution.resolution();
      return resolved(r, unit.resolve(r.breakId(), r.reason(), r.resolutionId(), nowMs, rules));
    }
    return unit.accept(((Inbound.Payout) value).line(), nowMs, rules);
  }
}
