package com.paystream.local.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Day close: the ledger closes the business dates of the day, each with its trial balance. */
final class DayClose {

  private final ScenarioRun run;

  DayClose(ScenarioRun run) {
    this.run = run;
  }

  /**
   * Closes every business date the day's entries fell on, the payments' and {@code alsoDates} (the
   * provider settlements'), oldest first, ahead of its cutoff (the demo day ends when its trading
   * is over), and reads each trial balance.
   */
  List<TrialBalanceLine> closeDays(Collection<LocalDate> alsoDates) {
    Set<LocalDate> dates = new TreeSet<>(run.books().effectiveDates());
    dates.addAll(alsoDates);
    run.progress().phase("day close", () -> "the ledger closes " + dates);
    List<TrialBalanceLine> lines = new ArrayList<>();
    for (LocalDate date : dates) {
      String close = run.services().ledger() + "/v1/days/" + date + "/close?early=true";
      ServiceApi.Answer requested =
          run.api()
              .post(close, Callers.OPERATOR, "application/json", new byte[0])
              .expect("closing business date " + date, 200, 202);
      // Closing early takes a second operator; the closed day is read back either way.
      new SecondOperator(run)
          .approve(run.services().ledger(), requested, "the early close of " + date)
          .expect("closing business date " + date, 200);
      JsonNode day =
          run.api()
              .get(run.services().ledger() + "/v1/days/" + date)
              .expect("reading the closed day " + date, 200)
              .json();
      for (JsonNode line : day.path("trialBalance")) {
        lines.add(
            new TrialBalanceLine(
                date,
                line.path("currency").asString(),
                line.path("debitBalancesMinor").asLong(),
                line.path("creditBalancesMinor").asLong(),
                line.path("imbalanceMinor").asLong()));
      }
    }
    run.progress().done("closed " + dates + " with " + lines.size() + " trial balance lines");
    return lines;
  }
}
