package com.paystream.gateway.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit record.
 *
 * @param before the subject's relevant fields before the change; empty for a creation
 * @param after the subject's relevant fields after the change
 */
public record AuditEntry(
    Instant occurredAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    Optional<Map<String, Object>> before,
    Optional<Map<String, Object>> after,
    String reason,
    String traceId) {

  public AuditEntry {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subjectType, "subjectType");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(traceId, "traceId");
  }
}
