package com.paystream.relay.operator;

import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.relay.approvals.ApprovedAction;

/** Carries out an approved {@code redrive.bulk}: the requester redrives, the approver approves. */
public final class BulkRedriveApproval implements ApprovedAction {

  private final OperatorService operators;

  public BulkRedriveApproval(OperatorService operators) {
    this.operators = operators;
  }

  @Override
  public String action() {
    return OperatorService.BULK;
  }

  @Override
  public Object carryOut(ApprovalRequest request, String approvedBy) {
    return operators.redriveMatching(
        FilterPayload.decode(request.payload()),
        request.requestedBy(),
        approvedBy,
        request.reason());
  }
}
