package com.paystream.schemas.topics;

/** Kafka's {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
  /** Segments are deleted after the retention (never, when it is infinite). */
  DELETE("delete"),
  /** Only the newest record per key is kept. Not for financial history. */
  COMPACT("compact"),
  COMPACT_DELETE("compact,delete");

  private final String configValue;

  CleanupPolicy(String configValue) {
    this.configValue = configValue;
  }

  /** The value for the {@code cleanup.policy} topic config. */
  public String configValue() {
    return configValue;
  }
}
