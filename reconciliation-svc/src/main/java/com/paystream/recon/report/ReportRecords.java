package com.paystream.recon.report;

import com.paystream.schemas.recon.OutcomeFigures;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReportTrigger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A {@link DailyReport} as the {@code recon.reports.v1} contract carries it. */
final class ReportRecords {

  private ReportRecords() {}

  static ReconReport of(DailyReport report) {
    Map<String, OutcomeFigures> outcomes = new LinkedHashMap<>();
    new TreeMap<>(report.outcomes())
        .forEach(
            (outcome, figures) ->
                outcomes.put(outcome, new OutcomeFigures(figures.count(), figures.amountMinor())));
    return ReconReport.newBuilder()
        .setBusinessDate(report.businessDate())
        .setCurrency(report.currency())
        .setGeneratedAt(report.generatedAt())
        .setTrigger(ReportTrigger.valueOf(report.trigger()))
        .setOutcomes(outcomes)
        .setOpenBreaks(report.openBreaks())
        .setMoneyAtRiskMinor(report.moneyAtRiskMinor())
        .build();
  }
}
