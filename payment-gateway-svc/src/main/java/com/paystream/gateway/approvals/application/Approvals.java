package com.paystream.gateway.approvals.application;

import com.paystream.gateway.approvals.ApprovalStore;
import com.paystream.gateway.approvals.ApprovedAction;
import com.paystream.gateway.approvals.StoredApproval;
import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.outbox.PublisherWakeup;
import com.paystream.platform.approvals.ApprovalDecision;
import com.paystream.platform.approvals.ApprovalPolicy;
import com.paystream.platform.approvals.ApprovalRequest;
import com.paystream.platform.approvals.FourEyes;
import com.paystream.platform.audit.AuditOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four eyes in the gateway. A request is recorded with its audit record (REQUESTED) in one
 * transaction; an approval records the decision, carries the action out (requested by the
 * requester, approved by the approver) and audits APPROVED in one transaction, so an approval that
 * fails leaves nothing, and the unique decision row makes a racing second approval lose.
 */
@Service
public class Approvals {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ApprovalStore store;
  private final ApprovalPolicy policy;
  private final Map<String, ApprovedAction> actions;
  private final AuditTrail audit;
  private final PublisherWakeup wakeup;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public Approvals(
      ApprovalStore store,
      ApprovalPolicy policy,
      List<ApprovedAction> actions,
      AuditTrail audit,
      PublisherWakeup wakeup,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.actions =
        actions.stream().collect(Collectors.toMap(ApprovedAction::action, Function.identity()));
    this.audit = audit;
    this.wakeup = wakeup;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  /** What is asked for: an action on a target, with what is needed to carry it out later. */
  public record Ask(
      String action,
      String target,
      String payloadJson,
      long amountMinor,
      String currency,
      String reason,
      String idempotencyKey) {}

  /** How a request or decision ended. */
  public sealed interface Result {}

  /** Recorded (or found recorded, for a retried request): the request as it stands. */
  public record Recorded(StoredApproval approval) implements Result {}

  /** Decided now; {@code result} is what the carried-out action answered (approvals only). */
  public record Decided(StoredApproval approval, Optional<Map<String, Object>> result)
      implements Result {}

  /** Refused: nothing changed. */
  public record Refused(Why why, String detail) implements Result {}

  /** Why a request or decision was refused. */
  public enum Why {
    NOT_FOUND,
    SELF_APPROVAL,
    ALREADY_DECIDED,
    EXPIRED,
    KEY_REUSED
  }

  /** A refusal of the action itself when it was to be carried out. */
  public record ActionDeclined(ApprovedAction.Declined declined) implements Result {}

  /** Whether {@code action} for {@code amountMinor} needs a second operator. */
  public boolean needed(String action, long amountMinor) {
    return policy.needsSecondOperator(action, amountMinor);
  }

  /**
   * Records the request (id derived from action, target and Idempotency-Key, so a retry finds it)
   * and its REQUESTED audit record in one transaction.
   */
  public Mono<Result> request(Caller.Operator requester, Ask ask) {
    return request(requester, ask, Mono.just(Optional.empty()));
  }

  /**
   * As {@link #request(Caller.Operator, Ask)}, after {@code vetting} found that the action could be
   * carried out now (nobody is asked to approve what cannot be done). A retried request finds its
   * request first, as it stands, even when the action has been carried out meanwhile.
   */
  public Mono<Result> request(
      Caller.Operator requester, Ask ask, Mono<Optional<ApprovedAction.Declined>> vetting) {
    UUID id = requestId(ask);
    return store
        .find(id)
        .map(existing -> repeated(existing, requester, ask))
        .switchIfEmpty(
            vetting.flatMap(
                declined ->
                    declined.isPresent()
                        ? Mono.just(new ActionDeclined(declined.get()))
                        : record(requester, ask, id)));
  }

  private static UUID requestId(Ask ask) {
    return UUID.nameUUIDFromBytes(
        ("approval|" + ask.action() + "|" + ask.target() + "|" + ask.idempotencyKey())
            .getBytes(StandardCharsets.UTF_8));
  }

  private Mono<Result> record(Caller.Operator requester, Ask ask, UUID id) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              ApprovalRequest request =
                  new ApprovalRequest(
                      id,
                      ask.action(),
                      ask.target(),
                      ask.payloadJson(),
                      ask.amountMinor(),
                      ask.currency(),
                      ask.reason(),
                      requester.label(),
                      now,
                      now.plus(policy.expireAfter()));
              return store
                  .insertIfAbsent(request)
                  .flatMap(
                      inserted ->
                          inserted
                              ? audit
                                  .append(
                                      entry(
                                          request,
                                          AuditOutcome.REQUESTED,
                                          ask.reason(),
                                          now,
                                          false,
                                          Optional.empty()))
                                  .thenReturn(
                                      (Result)
                                          new Recorded(
                                              new StoredApproval(request, Optional.empty())))
                              : store.find(id).map(existing -> repeated(existing, requester, ask)));
            })
        .as(transaction::transactional)
        .doOnNext(
            result -> {
              if (result instanceof Recorded) {
                wakeup.wake();
              }
            });
  }

  private static Result repeated(StoredApproval existing, Caller.Operator requester, Ask asked) {
    ApprovalRequest request = existing.request();
    // The database keeps the payload as jsonb (its own key order and spacing): compare as JSON.
    boolean same = JSON.readTree(request.payload()).equals(JSON.readTree(asked.payloadJson()));
    return same && request.requestedBy().equals(requester.label())
        ? new Recorded(existing)
        : new Refused(Why.KEY_REUSED, "this Idempotency-Key was used for another request");
  }

  public Mono<Optional<StoredApproval>> find(UUID id) {
    return store.find(id).map(Optional::of).defaultIfEmpty(Optional.empty());
  }

  public Flux<StoredApproval> list(Optional<StoredApproval.State> state, int limit) {
    return store.list(state, limit, clock.instant());
  }

  public Instant now() {
    return clock.instant();
  }

  /** A second operator approves: decision, action and audit in one transaction. */
  public Mono<Result> approve(Caller.Operator approver, UUID id, String reason) {
    return decide(approver, id, ApprovalDecision.Verdict.APPROVED, reason);
  }

  /** A second operator rejects: the decision and its audit record; nothing else changes. */
  public Mono<Result> reject(Caller.Operator rejecter, UUID id, String reason) {
    return decide(rejecter, id, ApprovalDecision.Verdict.REJECTED, reason);
  }

  private Mono<Result> decide(
      Caller.Operator decider, UUID id, ApprovalDecision.Verdict verdict, String reason) {
    return store
        .find(id)
        .flatMap(
            stored -> {
              Instant now = clock.instant();
              FourEyes.Outcome outcome =
                  FourEyes.decide(
                      stored.request(), stored.decision(), decider.label(), verdict, reason, now);
              if (outcome instanceof FourEyes.Refused refused) {
                return refuse(stored, refused);
              }
              ApprovalDecision decision = ((FourEyes.Decided) outcome).decision();
              return verdict == ApprovalDecision.Verdict.APPROVED
                  ? carryOut(stored.request(), decision, decider)
                  : record(stored.request(), decision, Mono.empty());
            })
        .switchIfEmpty(
            Mono.fromSupplier(() -> new Refused(Why.NOT_FOUND, "approval " + id + " not found")));
  }

  private Mono<Result> refuse(StoredApproval stored, FourEyes.Refused refused) {
    return switch (refused.refusal()) {
      case SELF_APPROVAL ->
          Mono.just(
              new Refused(
                  Why.SELF_APPROVAL,
                  "a request is decided by another operator than "
                      + stored.request().requestedBy()));
      case ALREADY_DECIDED ->
          Mono.just(new Refused(Why.ALREADY_DECIDED, "approval " + id(stored) + " is decided"));
      case EXPIRED ->
          refused
              .expiry()
              .map(expiry -> recordExpiry(stored.request(), expiry))
              .orElseGet(Mono::empty)
              .thenReturn(
                  new Refused(
                      Why.EXPIRED,
                      "approval " + id(stored) + " expired at " + stored.request().expiresAt()));
    };
  }

  private static UUID id(StoredApproval stored) {
    return stored.request().requestId();
  }

  /** Records an expiry found on a decision attempt (once: the decision row is unique). */
  private Mono<Void> recordExpiry(ApprovalRequest request, ApprovalDecision expiry) {
    return Mono.defer(
            () ->
                store
                    .decide(expiry)
                    .flatMap(
                        inserted ->
                            inserted
                                ? audit.alone(
                                    request.action(),
                                    request.target(),
                                    AuditOutcome.EXPIRED,
                                    expiry.reason() + " (approval " + request.requestId() + ")",
                                    Optional.of(
                                        new AuditTrail.Who(ApprovalDecision.NOBODY, "NONE", "")))
                                : Mono.empty()))
        .as(transaction::transactional)
        .doOnSuccess(done -> wakeup.wake());
  }

  private Mono<Result> carryOut(
      ApprovalRequest request, ApprovalDecision decision, Caller.Operator approver) {
    ApprovedAction action = actions.get(request.action());
    if (action == null) {
      throw new IllegalStateException("no action carries out " + request.action());
    }
    return action
        .prepare(request)
        .then(record(request, decision, action.carryOut(request, approver.actor())))
        .onErrorResume(
            ApprovedAction.Declined.class, declined -> Mono.just(new ActionDeclined(declined)));
  }

  /** The decision, what it carries out, and its audit record: one transaction. */
  private Mono<Result> record(
      ApprovalRequest request, ApprovalDecision decision, Mono<Map<String, Object>> carriedOut) {
    AuditOutcome outcome =
        decision.verdict() == ApprovalDecision.Verdict.APPROVED
            ? AuditOutcome.APPROVED
            : AuditOutcome.REJECTED;
    return Mono.defer(
            () ->
                store
                    .decide(decision)
                    .flatMap(
                        inserted ->
                            inserted
                                ? carriedOut
                                    .map(Optional::of)
                                    .defaultIfEmpty(Optional.empty())
                                    .flatMap(
                                        result ->
                                            audit
                                                .append(
                                                    entry(
                                                        request,
                                                        outcome,
                                                        decision.reason(),
                                                        decision.decidedAt(),
                                                        true,
                                                        result))
                                                .thenReturn(
                                                    (Result)
                                                        new Decided(
                                                            new StoredApproval(
                                                                request, Optional.of(decision)),
                                                            result)))
                                : Mono.error(new Lost())))
        .as(transaction::transactional)
        .onErrorResume(
            Lost.class,
            lost ->
                Mono.just(
                    new Refused(
                        Why.ALREADY_DECIDED,
                        "approval " + request.requestId() + " was decided meanwhile")))
        .doOnNext(
            result -> {
              if (result instanceof Decided) {
                wakeup.wake();
              }
            });
  }

  /** Another decision committed first; rolls this one back. */
  private static final class Lost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Lost() {
      super("decided meanwhile", null, false, false);
    }
  }

  /** An audit entry about a request; a decision names the approval request as request id. */
  private static AuditEntry entry(
      ApprovalRequest request,
      AuditOutcome outcome,
      String reason,
      Instant at,
      boolean decision,
      Optional<Map<String, Object>> after) {
    return new AuditEntry(
        at,
        request.requestedBy(),
        request.action(),
        "approval",
        request.target(),
        Optional.empty(),
        after,
        reason,
        "",
        outcome,
        decision ? Optional.of(request.requestId().toString()) : Optional.empty());
  }
}
