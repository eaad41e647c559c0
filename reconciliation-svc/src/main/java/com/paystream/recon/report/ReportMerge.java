package com.paystream.recon.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the parts of the instances into the reports of the whole: per currency, every outcome's
 * count and amount, the open breaks and the money at risk. Each instance counts only the partitions
 * it runs, so nothing is counted twice.
 */
public final class ReportMerge {

  private ReportMerge() {}

  /**
   * One report per currency found in any part, sorted by currency, stamped {@code generatedAt} and
   * {@code trigger}.
   *
   * @throws IllegalArgumentException for a part of another business date (a bug)
   */
  public static List<DailyReport> sum(
      LocalDate date, Collection<DailyReport> parts, Instant generatedAt, String trigger) {
    Map<String, Sum> byCurrency = new TreeMap<>();
    for (DailyReport part : parts) {
      if (!part.businessDate().equals(date)) {
        throw new IllegalArgumentException(
            "a part of " + part.businessDate() + " in the reports of " + date);
      }
      byCurrency.computeIfAbsent(part.currency(), c -> new Sum()).add(part);
    }
    List<DailyReport> reports = new ArrayList<>(byCurrency.size());
    byCurrency.forEach(
        (currency, sum) ->
            reports.add(
                new DailyReport(
                    date,
                    currency,
                    generatedAt,
                    trigger,
                    sum.outcomes,
                    sum.openBreaks,
                    sum.moneyAtRiskMinor)));
    return List.copyOf(reports);
  }

  private static final class Sum {
    final Map<String, DailyReport.Figures> outcomes = new TreeMap<>();
    long openBreaks;
    long moneyAtRiskMinor;

    void add(DailyReport part) {
      part.outcomes()
          .forEach(
              (outcome, figures) ->
                  outcomes.merge(outcome, figures, (a, b) -> a.plus(b.count(), b.amountMinor())));
      openBreaks = Math.addExact(openBreaks, part.openBreaks());
      moneyAtRiskMinor = Math.addExact(moneyAtRiskMinor, part.moneyAtRiskMinor());
    }
  }
}
