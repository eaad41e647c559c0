package com.paystream.gateway.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A four-eyes request and its decision, if it has one. */
public record StoredApproval(ApprovalRequest request, Optional<ApprovalDecision> decision) {

  public StoredApproval {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decision, "decision");
  }

  /** Where a request stands. */
  public enum State {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
  }

  /**
   * Its state at {@code now}: a request past its expiry is EXPIRED even before that is recorded.
   */
  public State state(Instant now) {
    if (decision.isPresent()) {
      return State.valueOf(decision.get().verdict().name());
    }
    return request.expiredAt(now) ? State.EXPIRED : State.PENDING;
  }
}
