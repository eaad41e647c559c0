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

  /** What was uploaded: the statement dates, and the payout and fee lines they carried. */
  record Uploaded(List<LocalDate> dates, long payoutLines, long feeLines) {}

  private final ScenarioRun run;

  StatementUpload(ScenarioRun run) {
    this.run = run;
  }

  /**
   * Uploads the provider's settled statement of every date the day touched (UTC), as its CSV file:
   * the day's payments and refunds, then per currency the provider's fee and its payout.
   *
   * @return the dates that had a statement, and their payout and fee lines
   */
  Uploaded ingest(Instant start) {
    run.progress().phase("statement", () -> "uploading the provider's statement to reconciliation");
    List<LocalDate> dates = new ArrayList<>();
    int lines = 0;
    long payouts = 0;
    long fees = 0;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (LocalDate date = LocalDate.ofInstant(start, ZoneOffset.UTC);
        !date.isAfter(today);
        date = date.plusDays(1)) {
      // settled: each currency ends with the provider's fee and its payout, which reconciliation
      // must report as such (awaiting settlement), never as lost orders
      var statement = run.provider().statement(date).settled();
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
      payouts += statement.payoutLines();
      fees += statement.feeLines();
      dates.add(date);
    }
    run.progress()
        .done(
            String.format(
                "%d lines of the provider's statement for %s ingested by reconciliation (%d"
                    + " payouts, %d fees)",
                lines, dates, payouts, fees));
    return new Uploaded(dates, payouts, fees);
  }
}
