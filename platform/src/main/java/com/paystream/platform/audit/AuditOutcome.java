package com.paystream.platform.audit;

/** How an audited act ended (the {@code AuditOutcome} of {@code audit.events.v1}). */
public enum AuditOutcome {
  /** Done. */
  ACCEPTED,
  /** Refused (authentication, role, validation or state): nothing changed. */
  REFUSED,
  /** Waiting for a second operator (four eyes). */
  REQUESTED,
  /** A four-eyes request approved by a second operator, and carried out. */
  APPROVED,
  /** A four-eyes request rejected by a second operator: nothing changed. */
  REJECTED,
  /** A four-eyes request that nobody decided in time: nothing changed. */
  EXPIRED
}
