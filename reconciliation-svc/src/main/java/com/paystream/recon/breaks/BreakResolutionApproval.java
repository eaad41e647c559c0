package com.paystream.recon.breaks;

import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.recon.approvals.ApprovalRefusedException;
import com.paystream.recon.approvals.ApprovedAction;
import com.paystream.recon.instances.Whereabouts;
import java.util.Optional;

/** Carries out an approved {@code break.resolve}: the requester resolves, the approver approves. */
public final class BreakResolutionApproval implements ApprovedAction {

  private final ManualResolutions resolutions;

  public BreakResolutionApproval(ManualResolutions resolutions) {
    this.resolutions = resolutions;
  }

  @Override
  public String action() {
    return ManualResolutions.ACTION;
  }

  @Override
  public Object carryOut(ApprovalRequest request, String approvedBy) {
    ManualResolutions.Result result =
        resolutions.approved(
            request.target(),
            request.reason(),
            request.requestedBy(),
            approvedBy,
            request.requestId());
    if (result instanceof ManualResolutions.Result.Accepted accepted) {
      return new Resolved(
          accepted.resolutionId().toString(),
          accepted.breakId(),
          request.requestedBy(),
          approvedBy);
    }
    throw new ApprovalRefusedException(
        ApprovalRefusedException.Why.CANNOT_CARRY_OUT,
        "break "
            + request.target()
            + (result instanceof ManualResolutions.Result.NotOpen
                ? " is no longer open"
                : " was resolved manually already"));
  }

  /** The break's holder carries it out: it holds the legs that are resolved. */
  @Override
  public Optional<Whereabouts> whereabouts(ApprovalRequest request) {
    return Optional.of(resolutions.whereabouts(request.target()));
  }

  /** What the approve call answers as the action's result. */
  public record Resolved(
      String resolutionId, String breakId, String resolvedBy, String approvedBy) {}
}
