package com.paystream.platform.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One act in a service's audit trail.
 *
 * @param actor who did it, as the authenticated principal names it ({@code operator:alice}), or
 *     {@code anonymous}
 * @param role MERCHANT, OPERATOR, AUDITOR, ADMIN, or NONE when nobody was proved
 * @param credential {@code key:<key id>}, {@code oidc:<issuer>}, or empty
 * @param action what was done or tried, e.g. {@code hold.capture}
 * @param target what it was done to: a payment id, hold id, break id, date, request path
 * @param reason the actor's reason, or why it was refused
 * @param requestId the HTTP request's id, or the approval request's id for a decision
 */
public record AuditRecord(
    UUID auditId,
    String service,
    Instant occurredAt,
    String actor,
    String role,
    String credential,
    String action,
    String target,
    AuditOutcome outcome,
    String reason,
    String requestId,
    String traceId) {

  /** Longest text kept per field; longer text is cut with a marker, never silently. */
  public static final int MAX_TEXT = 2000;

  public AuditRecord {
    Objects.requireNonNull(auditId, "auditId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(outcome, "outcome");
    actor = bounded(actor);
    role = bounded(role);
    credential = bounded(credential);
    action = bounded(action);
    target = bounded(target);
    reason = bounded(reason);
    requestId = bounded(requestId);
    traceId = bounded(traceId);
  }

  /** The anonymous actor of a request that proved nobody. */
  public static final String ANONYMOUS = "anonymous";

  /** The role of a request that proved nobody. */
  public static final String NO_ROLE = "NONE";

  private static String bounded(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_TEXT
        ? text
        : text.substring(0, MAX_TEXT) + "…[" + (text.length() - MAX_TEXT) + " more]";
  }
}
