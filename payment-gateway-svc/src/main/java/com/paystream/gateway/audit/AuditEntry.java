package com.paystream.gateway.audit;

import com.paystream.platform.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit record as a use case states it. Who acted (actor, role, credential), the HTTP request
 * id and the trace id are filled in by the trail from the request being served; {@code actor} is
 * used only when no authenticated principal is at hand.
 *
 * @param before the subject's relevant fields before the change; empty for a creation
 * @param after the subject's relevant fields after the change
 * @param requestId the approval request's id for a four-eyes decision; empty for the HTTP request's
 *     own id
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
    String traceId,
    AuditOutcome outcome,
    Optional<String> requestId) {

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
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(requestId, "requestId");
  }

  /** An accepted change, answered to the HTTP request being served. */
  public AuditEntry(
      Instant occurredAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      Optional<Map<String, Object>> before,
      Optional<Map<String, Object>> after,
      String reason,
      String traceId) {
    this(
        occurredAt,
        actor,
        action,
        subjectType,
        subjectId,
        before,
        after,
        reason,
        traceId,
        AuditOutcome.ACCEPTED,
        Optional.empty());
  }
}
