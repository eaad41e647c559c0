package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.matching.payouts.PayoutUnit;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.tracing.Traces;
import java.time.Duration;
import java.util.Map;

/**
 * Leg A: one {@link PayoutUnit} per payout reference in {@link ReconStores#PAYOUT_UNITS}, with
 * deadlines, results and totals in stores of its own; the lines naming the payout and manual
 * resolutions of its breaks arrive keyed by payout reference. It forwards results and the
 * settlements its units decide, and the moves of their awaiting shares of clearing ({@link
 * ClearingMove.Kind#AWAITING}), which the topology splits.
 */
final class PayoutProcessor extends UnitProcessor<Inbound, PayoutUnit, Object> {

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
  Object output(ReconResult result) {
    return result;
  }

  @Override
  Object output(Settlement settlement) {
    return settlement;
  }

  @Override
  ClearingMove.Kind clearingKind() {
    return ClearingMove.Kind.AWAITING;
  }

  @Override
  Map<String, Long> clearingShares(PayoutUnit unit) {
    return unit.clearingShares();
  }

  @Override
  Object output(ClearingMove move) {
    return move;
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
