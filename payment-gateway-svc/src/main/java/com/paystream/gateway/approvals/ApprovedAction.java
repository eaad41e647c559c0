package com.paystream.gateway.approvals;

import com.paystream.platform.approvals.ApprovalRequest;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * An action that needs a second operator, carried out once approved. The features that own such
 * actions (corrections, cancellations) provide one bean each.
 */
public interface ApprovedAction {

  /** The action's name, as the thresholds name it ({@code payment.amend}). */
  String action();

  /**
   * What must happen before the approving transaction and cannot be part of it (asking the
   * provider); fails with {@link Declined} when the action cannot go ahead.
   */
  default Mono<Void> prepare(ApprovalRequest request) {
    return Mono.empty();
  }

  /**
   * Carries the request out inside the approving transaction, as asked by {@code request}'s
   * requester and approved by {@code approvedBy}; emits what to answer, or fails with {@link
   * Declined} (the whole approval is then rolled back).
   */
  Mono<Map<String, Object>> carryOut(ApprovalRequest request, String approvedBy);

  /** Why an approved action could not be carried out (now): nothing was changed. */
  final class Declined extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, in the terms of the payments API's refusals. */
    public enum Kind {
      NOT_FOUND,
      INVALID_STATE,
      INVALID_REQUEST,
      NO_CHANGE,
      PROVIDER_REFUSED,
      PROVIDER_UNAVAILABLE
    }

    private final Kind kind;

    public Declined(Kind kind, String detail) {
      super(detail, null, false, false);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
