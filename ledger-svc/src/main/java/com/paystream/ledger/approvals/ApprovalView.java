package com.paystream.ledger.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A request as the API shows it: PENDING until decided, then APPROVED, REJECTED or EXPIRED (also
 * shown as EXPIRED once past its expiry, before that is recorded).
 */
public record ApprovalView(
    UUID approvalId,
    String state,
    String action,
    String target,
    long amountMinor,
    String currency,
    String reason,
    String requestedBy,
    Instant requestedAt,
    Instant expiresAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {

  public static final String PENDING = "PENDING";

  public static ApprovalView of(
      ApprovalRequest request, Optional<ApprovalDecision> decision, Instant now) {
    String state =
        decision
            .map(d -> d.verdict().name())
            .orElse(request.expiredAt(now) ? ApprovalDecision.Verdict.EXPIRED.name() : PENDING);
    return new ApprovalView(
        request.requestId(),
        state,
        request.action(),
        request.target(),
        request.amountMinor(),
        request.currency(),
        request.reason(),
        request.requestedBy(),
        request.requestedAt(),
        request.expiresAt(),
        decision.map(ApprovalDecision::decidedBy).orElse(null),
        decision.map(ApprovalDecision::decidedAt).orElse(null),
        decision.map(ApprovalDecision::reason).orElse(null));
  }
}
