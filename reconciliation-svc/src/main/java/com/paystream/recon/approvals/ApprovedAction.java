package com.paystream.recon.approvals;

import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.recon.instances.Whereabouts;
import java.util.Optional;

/**
 * An action that may wait for a second operator, carried out by the feature that owns it once the
 * request is approved, inside the approval's transaction (so the decision, the change and their
 * audit records commit together or not at all).
 */
public interface ApprovedAction {

  /** The action's name, e.g. {@code break.resolve}. */
  String action();

  /**
   * Carries the request out with the requester and the approver as the change's names.
   *
   * @return what was done, as the approve call answers it
   * @throws ApprovalRefusedException when it can no longer be carried out (nothing is recorded)
   */
  Object carryOut(ApprovalRequest request, String approvedBy);

  /**
   * Where the request's target is held when only its holder can carry the request out (another
   * instance's partitions); empty when any instance can.
   */
  default Optional<Whereabouts> whereabouts(ApprovalRequest request) {
    return Optional.empty();
  }
}
