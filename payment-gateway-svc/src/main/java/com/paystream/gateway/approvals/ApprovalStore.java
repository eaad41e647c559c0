package com.paystream.gateway.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Requests and decisions, append-only; every method joins the caller's transaction. */
public interface ApprovalStore {

  /** Inserts the request unless one with its id exists; emits whether this call inserted it. */
  Mono<Boolean> insertIfAbsent(ApprovalRequest request);

  /**
   * Inserts the decision unless the request has one; emits whether this call inserted it. A racing
   * insert waits for the first to commit and then finds it (the unique key).
   */
  Mono<Boolean> decide(ApprovalDecision decision);

  Mono<StoredApproval> find(UUID requestId);

  /** Newest first; {@code state} as {@link StoredApproval#state} computes it at {@code now}. */
  Flux<StoredApproval> list(Optional<StoredApproval.State> state, int limit, Instant now);
}
