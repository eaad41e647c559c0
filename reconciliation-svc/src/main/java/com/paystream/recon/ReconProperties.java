package com.paystream.recon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
    Duration peerTimeout,
    Payouts payouts) {

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
    payouts = payouts == null ? Payouts.DEFAULTS : payouts;
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

  /**
   * The second leg (payouts against the bank, payout lines against provider clearing).
   *
   * @param referencePattern what a payout reference looks like: ingestion puts a bank line's
   *     reference into {@code payout_reference} when it matches (provider payouts {@code po_…},
   *     merchant payouts {@code mpo_…})
   * @param toleranceMinor |bank − payout net| and |payout lines − clearing| at or below this many
   *     minor units count as equal (a payout's difference is then booked as provider fee)
   * @param toleranceByCurrency per-currency overrides of {@code toleranceMinor}
   * @param arrivalWindow how many days after the provider's value date the bank may book a payout
   * @param notPaidOutAfter a booked payment no payout contained this long after the end of its
   *     booking date is NOT_PAID_OUT
   * @param unknownLineGrace a payout line waits this long for its payment's booking
   */
  public record Payouts(
      String referencePattern,
      long toleranceMinor,
      Map<String, Long> toleranceByCurrency,
      Duration arrivalWindow,
      Duration notPaidOutAfter,
      Duration unknownLineGrace) {

    public static final String DEFAULT_REFERENCE_PATTERN = "^(po|mpo)_[A-Za-z0-9_-]+$";

    /** The defaults (also in application.yml), for a configuration that names none. */
    public static final Payouts DEFAULTS =
        new Payouts(
            DEFAULT_REFERENCE_PATTERN,
            0,
            Map.of(),
            Duration.ofDays(1),
            Duration.ofDays(3),
            Duration.ofHours(1));

    public Payouts {
      referencePattern =
          referencePattern == null || referencePattern.isBlank()
              ? DEFAULT_REFERENCE_PATTERN
              : referencePattern.strip();
      try {
        Pattern.compile(referencePattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "paystream.recon.payouts.reference-pattern is no regular expression: " + e.getMessage(),
            e);
      }
      toleranceByCurrency =
          toleranceByCurrency == null ? Map.of() : Map.copyOf(toleranceByCurrency);
      if (toleranceMinor < 0 || toleranceByCurrency.values().stream().anyMatch(t -> t < 0)) {
        throw new IllegalArgumentException("paystream.recon.payouts tolerances must be >= 0");
      }
      requireNotNegative(arrivalWindow, "payouts.arrival-window");
      if (arrivalWindow.toMillis() % Duration.ofDays(1).toMillis() != 0) {
        throw new IllegalArgumentException(
            "paystream.recon.payouts.arrival-window must be whole days (bank booking dates are"
                + " dates): "
                + arrivalWindow);
      }
      requireNotNegative(notPaidOutAfter, "payouts.not-paid-out-after");
      requireNotNegative(unknownLineGrace, "payouts.unknown-line-grace");
    }

    /** {@link #referencePattern} compiled: whether a reference names a payout. */
    public Pattern references() {
      return Pattern.compile(referencePattern);
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
