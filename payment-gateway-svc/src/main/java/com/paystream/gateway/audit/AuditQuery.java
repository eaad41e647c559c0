package com.paystream.gateway.audit;

import com.paystream.platform.audit.AuditOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auditor asks for: a time window, optional exact filters, a page size and the position
 * after the previous page (newest first).
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> to,
    Optional<String> actor,
    Optional<String> action,
    Optional<String> target,
    Optional<AuditOutcome> outcome,
    int limit,
    Optional<Position> after) {

  public static final int MAX_LIMIT = 500;
  public static final int DEFAULT_LIMIT = 100;

  public AuditQuery {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
  }

  /** Where a page ended: the last record's time and sequence number. */
  public record Position(Instant occurredAt, long seq) {}
}
