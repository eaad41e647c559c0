package com.paystream.recon.matching.streams;

import com.paystream.recon.matching.BreakState;
import com.paystream.recon.matching.DailyTotals;
import com.paystream.recon.matching.ReconEvent;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the stores the reports and the break workflow read in step with the results: agreements are
 * counted per business date and currency, breaks kept by date, open ones also by break id.
 */
final class ResultIndex {

  private final KeyValueStore<String, ReconEvent> resultsByDate;
  private final KeyValueStore<String, ReconEvent> openBreaks;
  private final KeyValueStore<String, DailyTotals> agreedTotals;

  ResultIndex(
      KeyValueStore<String, ReconEvent> resultsByDate,
      KeyValueStore<String, ReconEvent> openBreaks,
      KeyValueStore<String, DailyTotals> agreedTotals) {
    this.resultsByDate = resultsByDate;
    this.openBreaks = openBreaks;
    this.agreedTotals = agreedTotals;
  }

  void record(ReconEvent event) {
    if (event.outcome().agreement()) {
      String key = ReconStores.totalsKey(event.businessDate(), event.currency());
      DailyTotals totals = agreedTotals.get(key);
      long amount = event.leg().statementMinor() == null ? 0 : event.leg().statementMinor();
      agreedTotals.put(key, (totals == null ? DailyTotals.NONE : totals).plus(amount));
      return;
    }
    resultsByDate.put(ReconStores.dateKey(event), event);
    if (event.state() == BreakState.OPEN) {
      openBreaks.put(ReconStores.openKey(event), event);
    } else {
      openBreaks.delete(ReconStores.openKey(event));
    }
  }
}
