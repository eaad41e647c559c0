package com.paystream.recon.audit;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records acts in the audit trail. Who acted comes from the authenticated principal of the request
 * being served (anonymous when nobody was proved); the request's ids from its {@link AuditContext}.
 */
public final class AuditTrail {

  /** The name records carry in {@code service}. */
  public static final String SERVICE = "reconciliation-svc";

  private final AuditStore store;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public AuditTrail(AuditStore store, TransactionTemplate transactions, Clock clock) {
    this.store = store;
    this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Records an act of the current request in the caller's transaction (with the change it records:
   * both commit or neither).
   */
  public AuditRecord record(AuditOutcome outcome, String action, String target, String reason) {
    Optional<AuditContext> context = AuditContext.current();
    AuditRecord record =
        build(
            currentActor(),
            outcome,
            action,
            target,
            reason,
            context.map(AuditContext::requestId).orElse(""),
            context.map(AuditContext::traceId).orElse(""));
    store.append(record);
    context.ifPresent(AuditContext::markRecorded);
    return record;
  }

  /**
   * Records an act of the current request in a transaction of its own: a refusal, or an act whose
   * change is not in this database (a publication to Kafka).
   */
  public AuditRecord recordAlone(
      AuditOutcome outcome, String action, String target, String reason) {
    return ownTransaction.execute(tx -> record(outcome, action, target, reason));
  }

  /**
   * Records a four-eyes decision in the caller's transaction: the approval request's id as the
   * record's request id, the decider as its actor ({@code system:expiry} for an expiry).
   */
  public AuditRecord decision(
      AuditOutcome outcome, String action, String target, String reason, UUID approvalId) {
    Optional<Actor> actor = outcome == AuditOutcome.EXPIRED ? Optional.empty() : currentActor();
    AuditRecord record =
        new AuditRecord(
            UUID.randomUUID(),
            SERVICE,
            clock.instant(),
            actor.map(Actor::label).orElse("system:expiry"),
            actor.map(a -> a.role().name()).orElse(AuditRecord.NO_ROLE),
            actor.map(Actor::credential).orElse(""),
            action,
            target,
            outcome,
            reason,
            approvalId.toString(),
            AuditContext.current().map(AuditContext::traceId).orElse(""));
    store.append(record);
    return record;
  }

  /** Records a request refused by the security layer (401, 403), in its own transaction. */
  public void refusedBySecurity(
      String method, String path, Optional<Actor> actor, int status, String reason) {
    Optional<AuditContext> context = AuditContext.current();
    AuditRecord record =
        build(
            actor,
            AuditOutcome.REFUSED,
            "http " + method + " " + path,
            path,
            status + " " + reason,
            context.map(AuditContext::requestId).orElse(""),
            context.map(AuditContext::traceId).orElse(""));
    ownTransaction.executeWithoutResult(tx -> store.append(record));
    context.ifPresent(AuditContext::markRecorded);
  }

  /** The audit records an auditor asks for. */
  public AuditPage find(AuditQuery query) {
    return store.find(query);
  }

  private AuditRecord build(
      Optional<Actor> actor,
      AuditOutcome outcome,
      String action,
      String target,
      String reason,
      String requestId,
      String traceId) {
    return new AuditRecord(
        UUID.randomUUID(),
        SERVICE,
        clock.instant(),
        actor.map(Actor::label).orElse(AuditRecord.ANONYMOUS),
        actor.map(a -> a.role().name()).orElse(AuditRecord.NO_ROLE),
        actor.map(Actor::credential).orElse(""),
        action,
        target,
        outcome,
        reason,
        requestId,
        traceId);
  }

  /** The proved actor of this request: from the security context, else as the request saw it. */
  private static Optional<Actor> currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ActorAuthentication proved) {
      return Optional.of(proved.actor());
    }
    return AuditContext.current().flatMap(AuditContext::actor);
  }
}
