package com.paystream.recon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reconciliation's settings ({@code paystream.recon.*}); defaults and meaning in {@code
 * application.yml}.
 */
@ConfigurationProperties("paystream.recon")
public record ReconProperties(
    String applicationId,
    Path stateDir,
    int streamThreads,
    Duration commitInterval,
    Duration lostOrderGrace,
    Duration statementCutoff,
    Duration missingGrace,
    long amountToleranceMinor,
    ZoneId zone,
    Duration punctuateInterval,
    int maxExpiriesPerPunctuation,
    Duration matchedRetention,
    String inboxDir,
    Duration inboxPollInterval,
    Outbox outbox,
    Duration internalGrace,
    Report report) {

  public ReconProperties {
    Objects.requireNonNull(applicationId, "paystream.recon.application-id");
    Objects.requireNonNull(stateDir, "paystream.recon.state-dir");
    requirePositive(streamThreads, "stream-threads");
    requireNotNegative(lostOrderGrace, "lost-order-grace");
    requireNotNegative(statementCutoff, "statement-cutoff");
    requireNotNegative(missingGrace, "missing-grace");
    requireNotNegative(matchedRetention, "matched-retention");
    if (amountToleranceMinor < 0) {
      throw new IllegalArgumentException(
          "paystream.recon.amount-tolerance-minor must be >= 0, was " + amountToleranceMinor);
    }
    Objects.requireNonNull(zone, "paystream.recon.zone");
    requirePositive(punctuateInterval, "punctuate-interval");
    requirePositive(maxExpiriesPerPunctuation, "max-expiries-per-punctuation");
    inboxDir = inboxDir == null ? "" : inboxDir.trim();
    Objects.requireNonNull(outbox, "paystream.recon.outbox");
    requireNotNegative(internalGrace, "internal-grace");
    Objects.requireNonNull(report, "paystream.recon.report");
  }

  /** The watched directory, when one is configured. */
  public java.util.Optional<Path> inbox() {
    return inboxDir.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Path.of(inboxDir));
  }

  /** How the statement-line outbox is drained. */
  public record Outbox(int batchSize, Duration pollInterval) {
    public Outbox {
      requirePositive(batchSize, "outbox.batch-size");
      requirePositive(pollInterval, "outbox.poll-interval");
    }
  }

  /**
   * When reports per business date are produced besides on demand.
   *
   * @param interval every this long, for the dates of the last {@code days} days
   * @param afterStatement this long after a statement of a date was ingested (time for its lines to
   *     be judged), for that date
   * @param days how many business dates, today included, the scheduled run covers
   */
  public record Report(Duration interval, Duration afterStatement, int days) {
    public Report {
      requirePositive(interval, "report.interval");
      requireNotNegative(afterStatement, "report.after-statement");
      requirePositive(days, "report.days");
    }
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("paystream.recon." + name + " must be >= 1, was " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("paystream.recon." + name + " must be positive: " + value);
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("paystream.recon." + name + " must be >= 0: " + value);
    }
  }
}
