package com.paystream.ledger.approvals;

import com.paystream.ledger.approvals.persistence.ApprovalStore;
import com.paystream.ledger.audit.Act;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalPolicy;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.platform.approvals.FourEyes;
import com.paystream.platform.audit.AuditOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four eyes: records requests, decides them by {@link FourEyes}' rules, and carries an approved
 * request out through its {@link ApprovalAction}, all of a decision in one transaction: the
 * decision row (one per request), the change, and the audit record commit together. Concurrent
 * deciders of one request queue on its row; the later ones find it decided.
 */
public final class ApprovalService {

  private final TransactionTemplate transactions;
  private final ApprovalStore store;
  private final AuditTrail audit;
  private final ApprovalPolicy policy;
  private final Map<String, ApprovalAction> actions;
  private final Clock clock;

  public ApprovalService(
      TransactionTemplate transactions,
      ApprovalStore store,
      AuditTrail audit,
      ApprovalPolicy policy,
      List<ApprovalAction> actions,
      Clock clock) {
    this.transactions = transactions;
    this.store = store;
    this.audit = audit;
    this.policy = policy;
    this.actions =
        actions.stream()
            .collect(Collectors.toUnmodifiableMap(ApprovalAction::name, Function.identity()));
    this.clock = clock;
  }

  /** Whether {@code action} for {@code amountMinor} must wait for a second operator. */
  public boolean needsSecondOperator(String action, long amountMinor) {
    return policy.needsSecondOperator(action, amountMinor);
  }

  /**
   * Records a request and its REQUESTED audit record in one transaction; nothing else changes.
   *
   * @param payload what carrying it out needs, as JSON
   */
  public ApprovalView request(
      Act act,
      String action,
      String target,
      String payload,
      long amountMinor,
      String currency,
      String reason) {
    if (!actions.containsKey(action)) {
      throw new IllegalArgumentException("no approval action " + action);
    }
    Instant now = now();
    ApprovalRequest request =
        new ApprovalRequest(
            UUID.randomUUID(),
            action,
            target,
            payload,
            amountMinor,
            currency,
            reason == null ? "" : reason,
            act.actor(),
            now,
            now.plus(policy.expireAfter()));
    return transactions.execute(
        status -> {
          store.insert(request);
          audit.record(
              act,
              action,
              target,
              AuditOutcome.REQUESTED,
              "approval "
                  + request.requestId()
                  + (reason == null || reason.isBlank() ? "" : ": " + reason));
          return ApprovalView.of(request, Optional.empty(), now);
        });
  }

  public Optional<ApprovalView> find(UUID approvalId) {
    Instant now = now();
    return transactions.execute(
        status ->
            store.find(approvalId).map(r -> ApprovalView.of(r, store.decision(approvalId), now)));
  }

  /** Newest first; {@code state} PENDING, APPROVED, REJECTED or EXPIRED, or every one. */
  public List<ApprovalView> list(Optional<String> state, int limit) {
    Instant now = now();
    return transactions.execute(
        status ->
            store.list(state, limit, now).stream()
                .map(row -> ApprovalView.of(row.request(), row.decision(), now))
                .toList());
  }

  /**
   * Approves ({@code APPROVED}) or rejects ({@code REJECTED}) a request as {@code act}'s actor. The
   * decision's audit record names the approval id as its request id.
   */
  public DecisionResult decide(
      UUID approvalId, ApprovalDecision.Verdict verdict, String reason, Act act) {
    return transactions.execute(
        status -> {
          Optional<ApprovalRequest> found = store.request(approvalId);
          if (found.isEmpty()) {
            return new DecisionResult.Unknown();
          }
          ApprovalRequest request = found.get();
          Act decider = act.withRequestId(approvalId.toString());
          FourEyes.Outcome outcome =
              FourEyes.decide(
                  request, store.decision(approvalId), act.actor(), verdict, reason, now());
          if (outcome instanceof FourEyes.Refused refused) {
            refused.expiry().ifPresent(expiry -> expire(request, expiry, decider));
            return refusal(refused.refusal());
          }
          ApprovalDecision decision = ((FourEyes.Decided) outcome).decision();
          if (!store.insert(decision)) {
            return refusal(FourEyes.Refusal.ALREADY_DECIDED);
          }
          if (verdict == ApprovalDecision.Verdict.REJECTED) {
            audit.record(
                decider, request.action(), request.target(), AuditOutcome.REJECTED, reason);
            return new DecisionResult.Rejected(
                ApprovalView.of(request, Optional.of(decision), now()));
          }
          ApprovalAction.Execution done =
              actions.get(request.action()).carryOut(request, act.actor());
          if (done instanceof ApprovalAction.Refused refusedNow) {
            // Nothing of this approval stays: the request can still be approved (or expire).
            status.setRollbackOnly();
            return new DecisionResult.ActionRefused(refusedNow);
          }
          audit.record(decider, request.action(), request.target(), AuditOutcome.APPROVED, reason);
          return new DecisionResult.Approved(
              ApprovalView.of(request, Optional.of(decision), now()),
              ((ApprovalAction.Done) done).result());
        });
  }

  private void expire(ApprovalRequest request, ApprovalDecision expiry, Act decider) {
    if (!store.insert(expiry)) {
      return;
    }
    audit.record(
        new Act(ApprovalDecision.NOBODY, "NONE", "", decider.requestId(), decider.traceId()),
        request.action(),
        request.target(),
        AuditOutcome.EXPIRED,
        expiry.reason());
  }

  private static DecisionResult refusal(FourEyes.Refusal refusal) {
    return switch (refusal) {
      case SELF_APPROVAL ->
          new DecisionResult.Refused(
              "self-approval", "a request must be decided by another operator than its requester");
      case ALREADY_DECIDED ->
          new DecisionResult.Refused("already-decided", "the request was decided already");
      case EXPIRED ->
          new DecisionResult.Refused("expired", "the request expired before it was decided");
    };
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
