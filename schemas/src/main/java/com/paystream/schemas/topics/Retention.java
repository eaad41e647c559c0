package com.paystream.schemas.topics;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a topic keeps records, as Kafka's {@code retention.ms}: a positive number of
 * milliseconds, or {@code -1} for "never delete".
 */
public record Retention(long retentionMs) {

  /**
   * The legal minimum for callbacks, journal and audit records: 3 years (leap day included). A
   * finite retention on such a topic must be at least this long.
   */
  public static final Duration LEGAL_MINIMUM = Duration.ofDays(3 * 365 + 1);

  private static final long INFINITE_MS = -1;

  public Retention {
    if (retentionMs != INFINITE_MS && retentionMs <= 0) {
      throw new IllegalArgumentException(
          "retention must be positive or -1 (infinite), was " + retentionMs);
    }
  }

  /** Never deleted by Kafka. */
  public static Retention infinite() {
    return new Retention(INFINITE_MS);
  }

  public static Retention of(Duration limit) {
    Objects.requireNonNull(limit, "limit");
    return new Retention(limit.toMillis());
  }

  public boolean isInfinite() {
    return retentionMs == INFINITE_MS;
  }

  /** The limit, or empty when infinite. */
  public Optional<Duration> limit() {
    return isInfinite() ? Optional.empty() : Optional.of(Duration.ofMillis(retentionMs));
  }

  /** Whether records are kept at least {@code minimum}. */
  public boolean keepsAtLeast(Duration minimum) {
    return isInfinite() || retentionMs >= minimum.toMillis();
  }

  @Override
  public String toString() {
    return isInfinite() ? "infinite" : Duration.ofMillis(retentionMs).toString();
  }
}
