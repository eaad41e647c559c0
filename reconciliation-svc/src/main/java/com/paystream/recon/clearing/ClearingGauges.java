package com.paystream.recon.clearing;

import com.paystream.recon.breaks.MoneyAtRisk;
import com.paystream.recon.matching.clearing.ClearingCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clearing check's figures per currency, refreshed on the same schedule as {@link MoneyAtRisk}
 * and published the same way (each instance the currencies of the partitions it runs actively, 0
 * for the others, so the whole is {@code sum by (currency)}; {@code max by} for the seconds):
 * {@code recon_clearing_balance_minor}, {@code recon_clearing_unpaid_minor}, {@code
 * recon_clearing_awaiting_payout_minor}, {@code recon_clearing_difference_minor} and {@code
 * recon_clearing_differing_seconds} (how long the difference has not been 0).
 */
public final class ClearingGauges {

  private static final Logger log = LoggerFactory.getLogger(ClearingGauges.class);

  private final ClearingChecks checks;
  private final Clock clock;
  private final List<Figure> figures;

  /** One gauge and its rows. */
  private record Figure(MultiGauge gauge, Map<Tags, AtomicLong> rows, Value value) {}

  @FunctionalInterface
  private interface Value {
    long of(ClearingCheck check, long nowMs);
  }

  public ClearingGauges(ClearingChecks checks, MeterRegistry meters, Clock clock) {
    this.checks = checks;
    this.clock = clock;
    this.figures =
        List.of(
            figure(
                meters,
                "recon_clearing_balance_minor",
                "The ledger's provider-clearing balance per currency, minor units",
                (check, now) -> check.balance()),
            figure(
                meters,
                "recon_clearing_unpaid_minor",
                "Booked provider clearing of payments no payout contained yet, minor units",
                (check, now) -> check.unpaid()),
            figure(
                meters,
                "recon_clearing_awaiting_payout_minor",
                "Payment and refund lines of payouts reported and not yet on the bank, minor units",
                (check, now) -> check.awaiting()),
            figure(
                meters,
                "recon_clearing_difference_minor",
                "Provider clearing minus unpaid minus awaiting payout: 0 when the books add up",
                (check, now) -> check.difference()),
            figure(
                meters,
                "recon_clearing_differing_seconds",
                "How long the clearing difference has not been 0, seconds (0 while it is)",
                ClearingCheck::differingSeconds));
  }

  private static Figure figure(MeterRegistry meters, String name, String description, Value value) {
    MultiGauge gauge = MultiGauge.builder(name).description(description).register(meters);
    return new Figure(gauge, new ConcurrentHashMap<>(), value);
  }

  /** Recomputes the gauges; returns this instance's checks it published (empty when unknown). */
  public List<ClearingCheck> refresh() {
    List<ClearingCheck> local;
    try {
      local = checks.local();
    } catch (InvalidStateStoreException e) {
      log.debug("Clearing checks not queryable now (rebalancing); keeping the last figures");
      return List.of();
    }
    long now = clock.millis();
    for (Figure figure : figures) {
      Map<Tags, Long> values = new HashMap<>();
      for (ClearingCheck check : local) {
        values.put(Tags.of("currency", check.currency()), figure.value().of(check, now));
      }
      MoneyAtRisk.publish(figure.gauge(), figure.rows(), values);
    }
    return local;
  }
}
