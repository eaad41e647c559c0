package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reconciliation's reports per business date and currency, as its API shows them now. */
final class ReconReports {

  private final ScenarioRun run;

  ReconReports(ScenarioRun run) {
    this.run = run;
  }

  /** The reports of the dates, one per date and currency. */
  List<JsonNode> of(Collection<LocalDate> dates) {
    List<JsonNode> reports = new ArrayList<>();
    for (LocalDate date : dates) {
      for (JsonNode report :
          run.api()
              .get(run.services().reconciliation() + "/v1/reports/" + date)
              .expect("the reconciliation report of " + date, 200)
              .json()) {
        reports.add(report);
      }
    }
    return reports;
  }

  /** Break legs of the dates still open, over every currency. */
  long openBreaks(Collection<LocalDate> dates) {
    return of(dates).stream().mapToLong(report -> report.path("openBreaks").asLong()).sum();
  }

  /** How often {@code outcome} happened on the dates, over every currency. */
  static long count(List<JsonNode> reports, String outcome) {
    return reports.stream().mapToLong(report -> count(report, outcome)).sum();
  }

  /** How often {@code outcome} happened in one report (one date, one currency). */
  static long count(JsonNode report, String outcome) {
    return report.path("outcomes").path(outcome).path("count").asLong();
  }
}
