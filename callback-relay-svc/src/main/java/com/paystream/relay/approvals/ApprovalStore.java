package com.paystream.relay.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where requests and decisions are kept; every call joins the caller's transaction. */
public interface ApprovalStore {

  /** A request with its decision, if it has one. */
  record Stored(ApprovalRequest request, Optional<ApprovalDecision> decision) {}

  void insert(ApprovalRequest request);

  /**
   * The request. Not locked: the runtime role may not lock append-only rows (that takes UPDATE).
   * Deciders of one request are serialized by the decision's primary key instead: the second insert
   * waits for the first transaction and then finds the request decided ({@link #decide}).
   */
  Optional<ApprovalRequest> request(UUID approvalId);

  /**
   * @return false when the request has a decision already (nothing written)
   */
  boolean decide(ApprovalDecision decision);

  Optional<Stored> find(UUID approvalId);

  /** Newest first; {@code state} PENDING, APPROVED, REJECTED or EXPIRED, or every request. */
  List<Stored> list(Optional<String> state, int limit);
}
