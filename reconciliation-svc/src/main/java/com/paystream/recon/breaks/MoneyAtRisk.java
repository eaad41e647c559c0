package com.paystream.recon.breaks;

import com.paystream.recon.matching.ReconEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures an SRE watches, refreshed from the open breaks on a schedule: {@code
 * recon_money_at_risk_minor{currency}} (the sum over open break legs of what is at stake, in minor
 * units) and {@code recon_open_breaks{outcome,currency}}. While the topology rebalances the last
 * figures stay (a gauge that drops to zero during a rebalance would page someone for nothing).
 *
 * <p>Each instance publishes the figures of the partitions it runs actively (never a standby's), so
 * the whole is the sum over instances ({@code sum by (currency)}): a gauge asked of the other
 * instances would need a caller's credentials every 15 s and would count everything twice.
 */
public final class MoneyAtRisk {

  private static final Logger log = LoggerFactory.getLogger(MoneyAtRisk.class);

  private final OpenBreaks openBreaks;
  private final MultiGauge atRisk;
  private final MultiGauge openCount;
  // One holder per row ever published. Rows are registered once and only their holders change:
  // re-registering rows (MultiGauge's overwrite) while Prometheus scrapes can show a row twice,
  // and the scrape then fails (DuplicateLabelsException, micrometer#6851). A row whose breaks all
  // closed stays, at 0, instead of vanishing.
  private final Map<Tags, AtomicLong> atRiskRows = new ConcurrentHashMap<>();
  private final Map<Tags, AtomicLong> openCountRows = new ConcurrentHashMap<>();

  public MoneyAtRisk(OpenBreaks openBreaks, MeterRegistry meters) {
    this.openBreaks = openBreaks;
    this.atRisk =
        MultiGauge.builder("recon_money_at_risk_minor")
            .description("Money at stake in open reconciliation breaks, minor units per currency")
            .register(meters);
    this.openCount =
        MultiGauge.builder("recon_open_breaks")
            .description("Open reconciliation break legs by outcome and currency")
            .register(meters);
  }

  /** Recomputes the gauges; returns the money at risk per currency it published. */
  public Map<String, Long> refresh() {
    List<ReconEvent> open;
    try {
      open = openBreaks.all();
    } catch (InvalidStateStoreException e) {
      log.debug("Open breaks not queryable now (rebalancing); keeping the last figures");
      return Map.of();
    }
    Map<String, Long> byCurrency = new TreeMap<>();
    Map<List<String>, Long> counts =
        new TreeMap<>(java.util.Comparator.comparing(Object::toString));
    for (ReconEvent event : open) {
      byCurrency.merge(event.currency(), event.leg().atRisk().minor(), Math::addExact);
      counts.merge(List.of(event.outcome().name(), event.currency()), 1L, Long::sum);
    }
    Map<Tags, Long> risk = new HashMap<>();
    byCurrency.forEach((currency, minor) -> risk.put(Tags.of("currency", currency), minor));
    publish(atRisk, atRiskRows, risk);
    Map<Tags, Long> countsByTags = new HashMap<>();
    counts.forEach(
        (key, count) ->
            countsByTags.put(Tags.of("outcome", key.get(0), "currency", key.get(1)), count));
    publish(openCount, openCountRows, countsByTags);
    return byCurrency;
  }

  /**
   * Sets every known row of {@code gauge} (0 when absent now), registering only rows not seen
   * before: the way every gauge of this service with rows per instance publishes them.
   */
  public static void publish(MultiGauge gauge, Map<Tags, AtomicLong> rows, Map<Tags, Long> values) {
    values.keySet().forEach(tags -> rows.computeIfAbsent(tags, t -> new AtomicLong()));
    rows.forEach((tags, holder) -> holder.set(values.getOrDefault(tags, 0L)));
    List<MultiGauge.Row<?>> all = new ArrayList<>();
    rows.forEach((tags, holder) -> all.add(MultiGauge.Row.of(tags, holder, AtomicLong::get)));
    gauge.register(all, false);
  }
}
