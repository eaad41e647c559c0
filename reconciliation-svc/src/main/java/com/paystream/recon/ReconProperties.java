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
    Report report,
    String applicationServer,
    int standbyReplicas,
    Duration peerTimeout) {

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
    applicationServer = advertised(applicationServer);
    if (standbyReplicas < 0) {
      throw new IllegalArgumentException(
          "paystream.recon.standby-replicas must be >= 0, was " + standbyReplicas);
    }
    requirePositive(peerTimeout, "peer-timeout");
  }

  /**
   * This instance's {@code host:port} as the other instances reach its HTTP API, when it has one to
   * advertise. Empty (unset, or port 0: a random port cannot be told to anybody in advance) runs as
   * a single instance, answering from its own partitions.
   */
  public java.util.Optional<String> advertisedServer() {
    return applicationServer.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(applicationServer);
  }

  private static String advertised(String value) {
    String server = value == null ? "" : value.strip();
    if (server.isEmpty()) {
      return "";
    }
    int colon = server.lastIndexOf(':');
    int port;
    try {
      port = colon < 1 ? -1 : Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "paystream.recon.application-server must be host:port, was " + server);
    }
    return port == 0 ? "" : server;
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
   * @param apiKey the API key of a principal that may read reports, with which a schedule asks the
   *     other instances for their part (it has no caller whose credentials it could pass on)
   */
  public record Report(Duration interval, Duration afterStatement, int days, String apiKey) {
    public Report {
      requirePositive(interval, "report.interval");
      requireNotNegative(afterStatement, "report.after-statement");
      requirePositive(days, "report.days");
      apiKey = apiKey == null ? "" : apiKey.strip();
    }

    /**
     * The API key scheduled reports ask the other instances with (a principal allowed to read
     * reports); none when unset.
     */
    public java.util.Optional<String> credential() {
      return apiKey.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(apiKey);
    }

    @Override
    public String toString() {
      return "Report[interval="
          + interval
          + ", afterStatement="
          + afterStatement
          + ", days="
          + days
          + ", apiKey="
          + (apiKey.isEmpty() ? "unset" : "redacted")
          + "]";
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
