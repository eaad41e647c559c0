package com.paystream.local.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Statement: the provider's statement of the day is ingested by reconciliation. */
final class StatementUpload {

  /** What was uploaded: the statement dates. */
  record Uploaded(List<LocalDate> dates) {}

  private final ScenarioRun run;

  StatementUpload(ScenarioRun run) {
    this.run = run;
  }

  /**
   * Uploads the provider's statement of every date the day touched (UTC), as its CSV file: the
   * day's payments and refunds. Not the {@code settled()} one with a fee and a payout line per
   * currency: the provider's payout report of the settlement phase carries those, with the payout
   * reference our bank's statement names (see {@link Settlement}); on this statement they would
   * report the same payout a second time, as lines nothing ever settles.
   *
   * @return the dates that had a statement
   */
  Uploaded ingest(Instant start) {
    run.progress().phase("statement", () -> "uploading the provider's statement to reconciliation");
    List<LocalDate> dates = new ArrayList<>();
    int lines = 0;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate date = LocalDate.ofInstant(start, ZoneOffset.UTC);
        !date.isAfter(today);
        date = date.plusDays(1)) {
      var statement = run.provider().statement(date);
      if (statement.lineCount() == 0) {
        continue;
      }
      JsonNode receipt =
          run.api()
              .post(
                  run.services().reconciliation()
                      + "/v1/statements?format=csv&filename=provider-statement-"
                      + date
                      + ".csv",
                  Callers.OPERATOR,
                  "application/octet-stream",
                  statement.csv().getBytes(StandardCharsets.UTF_8))
              .expect("uploading the statement of " + date, 200, 201)
              .json();
      lines += receipt.path("totalLines").asInt();
      dates.add(date);
    }
    run.progress()
        .done(
            String.format(
                "%d lines of the provider's statement for %s ingested by reconciliation",
                lines, dates));
    return new Uploaded(dates);
  }
}
