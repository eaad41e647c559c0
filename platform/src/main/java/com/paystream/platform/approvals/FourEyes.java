package com.paystream.platform.approvals;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules of a decision: only a pending request can be decided, never by the operator who made
 * it, and a request past its expiry can only expire.
 */
public final class FourEyes {

  private FourEyes() {}

  /** Why a decision was refused. */
  public enum Refusal {
    /** The operator who asked cannot be the one who approves (or rejects). */
    SELF_APPROVAL,
    /** The request was decided already. */
    ALREADY_DECIDED,
    /** The request expired before anybody decided it. */
    EXPIRED
  }

  /** A decision taken, or why not. */
  public sealed interface Outcome {}

  /** The decision to record (and, when approved, to carry out). */
  public record Decided(ApprovalDecision decision) implements Outcome {}

  /**
   * Refused: nothing changes. When {@code expiry} is present, the request had expired undecided and
   * that expiry is recorded instead.
   */
  public record Refused(Refusal refusal, Optional<ApprovalDecision> expiry) implements Outcome {}

  /**
   * Decides {@code request} as {@code decider} wants.
   *
   * @param existing the request's decision, if it has one
   * @param verdict APPROVED or REJECTED
   */
  public static Outcome decide(
      ApprovalRequest request,
      Optional<ApprovalDecision> existing,
      String decider,
      ApprovalDecision.Verdict verdict,
      String reason,
      Instant now) {
    if (verdict == ApprovalDecision.Verdict.EXPIRED) {
      throw new IllegalArgumentException("nobody decides an expiry");
    }
    if (existing.isPresent()) {
      return new Refused(
          existing.get().verdict() == ApprovalDecision.Verdict.EXPIRED
              ? Refusal.EXPIRED
              : Refusal.ALREADY_DECIDED,
          Optional.empty());
    }
    if (request.expiredAt(now)) {
      return new Refused(Refusal.EXPIRED, Optional.of(expire(request)));
    }
    if (request.requestedBy().equals(decider)) {
      return new Refused(Refusal.SELF_APPROVAL, Optional.empty());
    }
    return new Decided(new ApprovalDecision(request.requestId(), verdict, decider, now, reason));
  }

  /** The expiry of an undecided request, dated when it expired. */
  public static ApprovalDecision expire(ApprovalRequest request) {
    return new ApprovalDecision(
        request.requestId(),
        ApprovalDecision.Verdict.EXPIRED,
        ApprovalDecision.NOBODY,
        request.expiresAt(),
        "not decided within "
            + java.time.Duration.between(request.requestedAt(), request.expiresAt()));
  }
}
