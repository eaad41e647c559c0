package com.paystream.ledger.audit;

import com.paystream.platform.audit.AuditOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What an auditor asks for: records from {@code from} (inclusive) to {@code to} (exclusive), each
 * filter optional, at most {@code limit}, newest first, continuing after {@code after}.
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

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
  }

  /**
   * Where a page ended: the last record's time and id (records are ordered by both, newest first).
   */
  public record Position(Instant occurredAt, UUID auditId) {}
}
