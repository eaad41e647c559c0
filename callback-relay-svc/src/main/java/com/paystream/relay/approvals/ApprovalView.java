package com.paystream.relay.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.time.Instant;
import java.util.Optional;

/** A request as the API shows it: PENDING, APPROVED, REJECTED or EXPIRED, with its decision. */
public record ApprovalView(
    String approvalId,
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

  /** The request's state now: its decision, else EXPIRED past its expiry, else PENDING. */
  public static ApprovalView of(
      ApprovalRequest request, Optional<ApprovalDecision> decision, Instant now) {
    String state =
        decision
            .map(d -> d.verdict().name())
            .orElse(request.expiredAt(now) ? "EXPIRED" : "PENDING");
    return new ApprovalView(
        request.requestId().toString(),
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
