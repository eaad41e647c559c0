package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.MatchUnit;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.tracing.Traces;
import java.time.Duration;

/**
 * The matcher: one {@link MatchUnit} per payment reference, kept in {@link ReconStores#UNITS}, its
 * deadlines in {@link ReconStores#DEADLINES}; statement lines, ledger lines and manual resolutions
 * arrive keyed by reference.
 */
final class MatchProcessor extends UnitProcessor<Inbound, MatchUnit, ReconResult> {

  private final MatchRules rules;

  MatchProcessor(
      MatchRules rules, Duration punctuateInterval, int maxExpiriesPerRun, Traces traces) {
    super(
        new Stores(
            ReconStores.UNITS,
            ReconStores.DEADLINES,
            ReconStores.RESULTS_BY_DATE,
            ReconStores.OPEN_BREAKS,
            ReconStores.MATCHED_TOTALS),
        MatchUnit::empty,
        MatchUnit::deadlineMs,
        (unit, nowMs) -> unit.expire(nowMs, rules),
        punctuateInterval,
        maxExpiriesPerRun,
        traces,
        "recon match");
    this.rules = rules;
  }

  @Override
  ReconResult output(ReconResult result) {
    return result;
  }

  @Override
  String traceIdOf(Inbound value) {
    return value instanceof Inbound.Line line ? line.arrival().traceId() : "";
  }

  @Override
  Decision apply(MatchUnit unit, Inbound value, long nowMs) {
    if (value instanceof Inbound.Resolution resolution) {
      ManualResolution r = resolution.resolution();
      return resolved(r, unit.resolve(r.breakId(), r.reason(), r.resolutionId(), nowMs, rules));
    }
    return unit.accept(((Inbound.Line) value).arrival(), nowMs, rules);
  }
}
