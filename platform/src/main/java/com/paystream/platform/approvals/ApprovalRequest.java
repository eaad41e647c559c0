package com.paystream.platform.approvals;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A change waiting for a second operator.
 *
 * @param action what would be done, e.g. {@code hold.capture}
 * @param target what it would be done to
 * @param payload everything needed to carry it out later, as the service encodes it (JSON)
 * @param amountMinor the money at stake in minor units, when there is an amount (for thresholds and
 *     for the approver to see); 0 when there is none
 * @param currency the amount's currency; empty when there is none
 * @param requestedBy the requesting operator's label ({@code operator:alice})
 */
public record ApprovalRequest(
    UUID requestId,
    String action,
    String target,
    String payload,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy,
    Instant requestedAt,
    Instant expiresAt) {

  public ApprovalRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(requestedAt)) {
      throw new IllegalArgumentException("a request must expire after it was made");
    }
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
