package com.paystream.recon.report;

import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.DailyTotals;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.streams.ReconStores;
import com.paystream.recon.matching.streams.ReconStreams;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Computes the reports of a business date from the topology's stores (interactive queries over this
 * instance's partitions): the agreement totals ({@link ReconStores#MATCHED_TOTALS}, {@link
 * ReconStores#BOOKED_TOTALS}, and the second leg's {@link ReconStores#PAYOUT_TOTALS} — payouts
 * matched and the bank amount they moved — and {@link ReconStores#PAID_OUT_TOTALS} — payments paid
 * out and their amount) and the latest result of every break leg of the date ({@link
 * ReconStores#ALL_RESULTS_BY_DATE}: PAYOUT_MISSING, PAYOUT_SHORT, NOT_PAID_OUT, ... with the amount
 * at stake in them).
 */
public final class DailyReports {

  private final ReconStreams streams;
  private final Clock clock;

  public DailyReports(ReconStreams streams, Clock clock) {
    this.streams = streams;
    this.clock = clock;
  }

  /**
   * One report per currency that had anything on {@code date}, sorted by currency.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the stores cannot be
   *     read (starting, rebalancing)
   */
  public List<DailyReport> of(LocalDate date, String trigger) {
    Map<String, Builder> byCurrency = new TreeMap<>();
    addTotals(date, ReconStores.MATCHED_TOTALS, Outcome.MATCHED, byCurrency);
    addTotals(date, ReconStores.BOOKED_TOTALS, Outcome.BOOKED, byCurrency);
    addTotals(date, ReconStores.PAYOUT_TOTALS, Outcome.PAYOUT_MATCHED, byCurrency);
    addTotals(date, ReconStores.PAID_OUT_TOTALS, Outcome.PAID_OUT, byCurrency);
    String from = ReconStores.datePrefix(date);
    String to = ReconStores.datePrefix(date.plusDays(1));
    for (String name : ReconStores.ALL_RESULTS_BY_DATE) {
      ReadOnlyKeyValueStore<String, ReconEvent> store = streams.store(name);
      try (KeyValueIterator<String, ReconEvent> range = store.range(from, to)) {
        range.forEachRemaining(
            kv -> {
              if (kv.key.startsWith(from)) {
                builder(byCurrency, kv.value.currency()).add(kv.value);
              }
            });
      }
    }
    List<DailyReport> reports = new ArrayList<>(byCurrency.size());
    byCurrency.forEach(
        (currency, b) ->
            reports.add(
                new DailyReport(
                    date,
                    currency,
                    clock.instant(),
                    trigger,
                    b.outcomes,
                    b.openBreaks,
                    b.atRiskMinor)));
    return reports;
  }

  private void addTotals(
      LocalDate date, String storeName, Outcome outcome, Map<String, Builder> byCurrency) {
    ReadOnlyKeyValueStore<String, DailyTotals> store = streams.store(storeName);
    String from = ReconStores.datePrefix(date);
    try (KeyValueIterator<String, DailyTotals> range =
        store.range(from, ReconStores.datePrefix(date.plusDays(1)))) {
      range.forEachRemaining(
          kv -> {
            if (kv.key.startsWith(from)) {
              String currency = kv.key.substring(from.length());
              builder(byCurrency, currency).add(outcome, kv.value.count(), kv.value.amountMinor());
            }
          });
    }
  }

  private static Builder builder(Map<String, Builder> byCurrency, String currency) {
    return byCurrency.computeIfAbsent(currency, c -> new Builder());
  }

  private static final class Builder {
    final Map<String, DailyReport.Figures> outcomes = new TreeMap<>();
    long openBreaks;
    long atRiskMinor;

    void add(Outcome outcome, long count, long amountMinor) {
      outcomes.merge(
          outcome.name(),
          new DailyReport.Figures(count, amountMinor),
          (a, b) -> a.plus(b.count(), b.amountMinor()));
    }

    void add(ReconEvent breakLeg) {
      long atRisk = breakLeg.leg().atRisk().minor();
      add(breakLeg.outcome(), 1, atRisk);
      if (breakLeg.state() == BreakState.OPEN) {
        openBreaks++;
        atRiskMinor = Math.addExact(atRiskMinor, atRisk);
      }
    }
  }
}
