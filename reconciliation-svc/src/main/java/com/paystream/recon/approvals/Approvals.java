package com.paystream.recon.approvals;

import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalPolicy;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.platform.approvals.FourEyes;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.instances.Whereabouts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four eyes: requests recorded with their audit record, decisions taken by the platform's rules
 * ({@link FourEyes}) and, when approved, carried out by the action's owner, all in one transaction.
 */
public final class Approvals {

  /** A decision taken, and what carrying it out did (null for a rejection). */
  public record Decided(ApprovalView approval, Object result) {}

  private final ApprovalStore store;
  private final ApprovalPolicy policy;
  private final Supplier<List<ApprovedAction>> owners;
  private volatile Map<String, ApprovedAction> actions;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  public Approvals(
      ApprovalStore store,
      ApprovalPolicy policy,
      Supplier<List<ApprovedAction>> owners,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.owners = owners;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  public boolean needsSecondOperator(String action, long amountMinor) {
    return policy.needsSecondOperator(action, amountMinor);
  }

  /**
   * Records a request and its REQUESTED audit record in the caller's transaction (or its own);
   * nothing else changes.
   */
  public ApprovalView request(
      String action,
      String target,
      String payload,
      long amountMinor,
      String currency,
      String reason,
      String requestedBy) {
    if (!actions().containsKey(action)) {
      throw new IllegalArgumentException("no owner carries out " + action);
    }
    Instant now = clock.instant();
    ApprovalRequest request =
        new ApprovalRequest(
            UUID.randomUUID(),
            action,
            target,
            payload,
            amountMinor,
            currency,
            reason,
            requestedBy,
            now,
            now.plus(policy.expireAfter()));
    transactions.executeWithoutResult(
        tx -> {
          store.insert(request);
          audit.record(
              AuditOutcome.REQUESTED,
              action,
              target,
              "approval " + request.requestId() + ": " + reason);
        });
    return ApprovalView.of(request, Optional.empty(), now);
  }

  /**
   * Where the target of a pending request is held when only its holder may carry it out; empty when
   * any instance may decide it here (a request unknown or decided already is refused here).
   */
  public Optional<Whereabouts> whereabouts(UUID approvalId) {
    return store
        .find(approvalId)
        .filter(stored -> stored.decision().isEmpty())
        .map(ApprovalStore.Stored::request)
        .flatMap(
            request ->
                Optional.ofNullable(actions().get(request.action()))
                    .flatMap(owner -> owner.whereabouts(request)));
  }

  public Decided approve(UUID approvalId, String decider, String reason) {
    return decide(approvalId, decider, ApprovalDecision.Verdict.APPROVED, reason);
  }

  public Decided reject(UUID approvalId, String decider, String reason) {
    return decide(approvalId, decider, ApprovalDecision.Verdict.REJECTED, reason);
  }

  public ApprovalView find(UUID approvalId) {
    ApprovalStore.Stored stored = store.find(approvalId).orElseThrow(() -> notFound(approvalId));
    return ApprovalView.of(stored.request(), stored.decision(), clock.instant());
  }

  public List<ApprovalView> list(Optional<String> state, int limit) {
    Instant now = clock.instant();
    return store.list(state, limit).stream()
        .map(s -> ApprovalView.of(s.request(), s.decision(), now))
        .toList();
  }

  /**
   * The owners of the actions, looked up on first use: they need this service to make their
   * requests, so they cannot be handed to its constructor.
   */
  private Map<String, ApprovedAction> actions() {
    if (actions == null) {
      actions =
          owners.get().stream()
              .collect(Collectors.toMap(ApprovedAction::action, Function.identity()));
    }
    return actions;
  }

  /** What the transaction ended with: a decision, or a refusal to answer after it committed. */
  private sealed interface Ending {}

  private record Done(Decided decided) implements Ending {}

  private record Refused(ApprovalRefusedException refusal) implements Ending {}

  private Decided decide(
      UUID approvalId, String decider, ApprovalDecision.Verdict verdict, String reason) {
    Ending ending =
        transactions.execute(tx -> decideInTransaction(approvalId, decider, verdict, reason));
    if (ending instanceof Refused refused) {
      // Thrown after the commit: an expiry found on the way stays recorded.
      throw refused.refusal();
    }
    return ((Done) ending).decided();
  }

  private Ending decideInTransaction(
      UUID approvalId, String decider, ApprovalDecision.Verdict verdict, String reason) {
    ApprovalRequest request = store.request(approvalId).orElseThrow(() -> notFound(approvalId));
    Optional<ApprovalDecision> existing =
        store.find(approvalId).flatMap(ApprovalStore.Stored::decision);
    FourEyes.Outcome outcome =
        FourEyes.decide(request, existing, decider, verdict, reason, clock.instant());
    if (outcome instanceof FourEyes.Refused refused) {
      refused.expiry().ifPresent(expiry -> recordExpiry(request, expiry));
      return new Refused(refusal(request, refused.refusal(), decider));
    }
    ApprovalDecision decision = ((FourEyes.Decided) outcome).decision();
    if (!store.decide(decision)) {
      return new Refused(refusal(request, FourEyes.Refusal.ALREADY_DECIDED, decider));
    }
    Object result =
        verdict == ApprovalDecision.Verdict.APPROVED
            ? actions().get(request.action()).carryOut(request, decider)
            : null;
    audit.decision(
        verdict == ApprovalDecision.Verdict.APPROVED
            ? AuditOutcome.APPROVED
            : AuditOutcome.REJECTED,
        request.action(),
        request.target(),
        decision.reason(),
        approvalId);
    return new Done(
        new Decided(ApprovalView.of(request, Optional.of(decision), clock.instant()), result));
  }

  private void recordExpiry(ApprovalRequest request, ApprovalDecision expiry) {
    if (store.decide(expiry)) {
      audit.decision(
          AuditOutcome.EXPIRED,
          request.action(),
          request.target(),
          expiry.reason(),
          request.requestId());
    }
  }

  private static ApprovalRefusedException refusal(
      ApprovalRequest request, FourEyes.Refusal refusal, String decider) {
    return switch (refusal) {
      case SELF_APPROVAL ->
          new ApprovalRefusedException(
              ApprovalRefusedException.Why.SELF_APPROVAL,
              decider + " requested " + request.requestId() + " and cannot decide it");
      case ALREADY_DECIDED ->
          new ApprovalRefusedException(
              ApprovalRefusedException.Why.ALREADY_DECIDED,
              "request " + request.requestId() + " was decided already");
      case EXPIRED ->
          new ApprovalRefusedException(
              ApprovalRefusedException.Why.EXPIRED,
              "request " + request.requestId() + " expired at " + request.expiresAt());
    };
  }

  private static ApprovalRefusedException notFound(UUID approvalId) {
    return new ApprovalRefusedException(
        ApprovalRefusedException.Why.NOT_FOUND, "no approval request " + approvalId);
  }
}
