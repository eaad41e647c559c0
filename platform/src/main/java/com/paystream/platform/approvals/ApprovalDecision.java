package com.paystream.platform.approvals;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** How a request ended: approved or rejected by a second operator, or expired. */
public record ApprovalDecision(
    UUID requestId, Verdict verdict, String decidedBy, Instant decidedAt, String reason) {

  /** The three ends of a request. */
  public enum Verdict {
    APPROVED,
    REJECTED,
    EXPIRED
  }

  /** Who an expiry is decided by. */
  public static final String NOBODY = "system:expiry";

  public ApprovalDecision {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(decidedBy, "decidedBy");
    Objects.requireNonNull(decidedAt, "decidedAt");
    reason = reason == null ? "" : reason;
  }
}
