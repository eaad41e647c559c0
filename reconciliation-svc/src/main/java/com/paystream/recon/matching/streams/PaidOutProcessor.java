package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.Decision;
import com.paystream.recon.matching.LedgerArrival;
import com.paystream.recon.matching.ManualResolution;
import com.paystream.recon.matching.clearing.ClearingMove;
import com.paystream.recon.matching.payouts.PaidOutUnit;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.tracing.Traces;
import java.time.Duration;
import java.util.Map;

/**
 * Leg B: one {@link PaidOutUnit} per payment reference in {@link ReconStores#PAID_OUT_UNITS}, with
 * deadlines, results and totals in stores of its own; the ledger's provider-clearing lines (the
 * same re-partitioned stream the first leg reads), the payout lines naming a payment and manual
 * resolutions arrive keyed by payment reference. It forwards results and the moves of its units'
 * unpaid shares of clearing ({@link ClearingMove.Kind#UNPAID}), which the topology splits.
 */
final class PaidOutProcessor extends UnitProcessor<Inbound, PaidOutUnit, Object> {

  private final PayoutRules rules;

  PaidOutProcessor(
      PayoutRules rules, Duration punctuateInterval, int maxExpiriesPerRun, Traces traces) {
    super(
        new Stores(
            ReconStores.PAID_OUT_UNITS,
            ReconStores.PAID_OUT_DEADLINES,
            ReconStores.PAID_OUT_RESULTS_BY_DATE,
            ReconStores.PAID_OUT_OPEN_BREAKS,
            ReconStores.PAID_OUT_TOTALS),
        PaidOutUnit::empty,
        PaidOutUnit::deadlineMs,
        (unit, nowMs) -> unit.expire(nowMs, rules),
        punctuateInterval,
        maxExpiriesPerRun,
        traces,
        "recon paid out");
    this.rules = rules;
  }

  @Override
  Object output(ReconResult result) {
    return result;
  }

  @Override
  ClearingMove.Kind clearingKind() {
    return ClearingMove.Kind.UNPAID;
  }

  @Override
  Map<String, Long> clearingShares(PaidOutUnit unit) {
    return unit.clearingShares();
  }

  @Override
  Object output(ClearingMove move) {
    return move;
  }

  @Override
  String traceIdOf(Inbound value) {
    if (value instanceof Inbound.Payout payout) {
      return payout.line().traceId();
    }
    return value instanceof Inbound.Line line ? line.arrival().traceId() : "";
  }

  @Override
  Decision apply(PaidOutUnit unit, Inbound value, long nowMs) {
    if (value instanceof Inbound.Resolution resolution) {
      ManualResolution r = resolution.resolution();
      return resolved(r, unit.resolve(r.breakId(), r.reason(), r.resolutionId(), nowMs, rules));
    }
    if (value instanceof Inbound.Payout payout) {
      return unit.accept(payout.line(), nowMs, rules);
    }
    return unit.accept((LedgerArrival) ((Inbound.Line) value).arrival(), nowMs, rules);
  }
}
