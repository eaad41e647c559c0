package com.paystream.gateway.corrections.application;

import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.corrections.Amendment;
import com.paystream.gateway.corrections.CorrectionCommands;
import com.paystream.gateway.corrections.Supplement;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.HistoryEntry.Cause;
import com.paystream.gateway.payments.HistoryEntry.CauseType;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PaymentChange;
import com.paystream.gateway.payments.PaymentTransition;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.application.ChangeResult;
import com.paystream.gateway.payments.application.PaymentChangeRecorder;
import com.paystream.gateway.payments.application.PaymentLookup;
import com.paystream.gateway.payments.application.PaymentUpdates;
import com.paystream.gateway.support.TraceIds;
import com.paystream.platform.ids.PaymentId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An operator's corrections of payments (operators only, checked by the web adapter): amendments of
 * amount and/or status, and supplements booking a payment proven by evidence. Each is one
 * transaction holding the payment's row lock, and idempotent: a repeated request (same payment,
 * same Idempotency-Key) finds its command in the outbox and changes nothing.
 */
@Service
public class Corrections {

  private final PaymentLookup reader;
  private final PaymentUpdates payments;
  private final PaymentChangeRecorder recorder;
  private final CorrectionCommands commands;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public Corrections(
      PaymentLookup reader,
      PaymentUpdates payments,
      PaymentChangeRecorder recorder,
      CorrectionCommands commands,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.reader = reader;
    this.payments = payments;
    this.recorder = recorder;
    this.commands = commands;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  /** An operator corrects amount and/or status; the ledger reverses and re-posts. */
  public Mono<ChangeResult> amend(
      Caller.Operator operator, PaymentId paymentId, Amendment amendment, TraceIds trace) {
    return amend(operator, paymentId, amendment, trace, Optional.empty());
  }

  /**
   * The amendment {@code operator} asked for, approved by {@code approvedBy} (four eyes); joins the
   * approving transaction.
   */
  public Mono<ChangeResult> amend(
      Caller.Operator operator,
      PaymentId paymentId,
      Amendment amendment,
      TraceIds trace,
      Optional<String> approvedBy) {
    UUID commandId = CommandContext.derivedId("amendment", paymentId, amendment.idempotencyKey());
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return onceUnderLock(
                      paymentId,
                      commandId,
                      before ->
                          record(
                              operator,
                              PaymentChange.amendment(
                                  before, amendment.amount(), amendment.status()),
                              change ->
                                  commands.amendment(
                                      PaymentChangeRecorder.context(
                                              commandId,
                                              before,
                                              operator,
                                              amendment.reason(),
                                              "amendment:" + amendment.idempotencyKey(),
                                              now,
                                              trace)
                                          .approvedBy(approvedBy),
                                      amendment),
                              "PAYMENT_AMENDED",
                              amendment.reason(),
                              now,
                              trace,
                              approvedBy))
                  .switchIfEmpty(Mono.fromSupplier(() -> ChangeResult.notFound(paymentId)));
            })
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  /**
   * An operator books a payment proven by evidence. A payment we never saw is created (origin
   * OPERATOR); one we know must not be booked already.
   */
  public Mono<ChangeResult> supplement(
      Caller.Operator operator, PaymentId paymentId, Supplement supplement, TraceIds trace) {
    return supplement(operator, paymentId, supplement, trace, Optional.empty());
  }

  /**
   * The supplement {@code operator} asked for, approved by {@code approvedBy} (four eyes); joins
   * the approving transaction.
   */
  public Mono<ChangeResult> supplement(
      Caller.Operator operator,
      PaymentId paymentId,
      Supplement supplement,
      TraceIds trace,
      Optional<String> approvedBy) {
    UUID commandId = CommandContext.derivedId("supplement", paymentId, supplement.idempotencyKey());
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return createIfNeverSeen(operator, paymentId, supplement, commandId, now)
                  .then(
                      onceUnderLock(
                          paymentId,
                          commandId,
                          before ->
                              record(
                                  operator,
                                  PaymentChange.supplement(
                                      before, supplement.merchantId(), supplement.amount()),
                                  change ->
                                      commands.supplement(
                                          PaymentChangeRecorder.context(
                                                  commandId,
                                                  before,
                                                  operator,
                                                  supplement.reason(),
                                                  supplement.evidenceReference(),
                                                  now,
                                                  trace)
                                              .approvedBy(approvedBy),
                                          supplement),
                                  "SUPPLEMENT_RECORDED",
                                  supplement.reason()
                                      + " (evidence: "
                                      + supplement.evidenceReference()
                                      + ")",
                                  now,
                                  trace,
                                  approvedBy)));
            })
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  private Mono<Void> createIfNeverSeen(
      Caller.Operator operator,
      PaymentId paymentId,
      Supplement supplement,
      UUID commandId,
      Instant now) {
    NewPayment proven =
        new NewPayment(
            paymentId,
            supplement.merchantId(),
            supplement.provider(),
            Optional.empty(),
            supplement.amount(),
            NewPayment.Origin.OPERATOR);
    Cause cause = new Cause(CauseType.OPERATOR, commandId.toString(), operator.actor());
    return payments
        .createIfAbsent(proven, now)
        .flatMap(
            created ->
                created
                    ? payments.append(
                        HistoryEntry.created(paymentId, supplement.amount(), cause, now))
                    : Mono.<Void>empty());
  }

  /** Locks the payment; a request whose command is in the outbox was done before. */
  private Mono<ChangeResult> onceUnderLock(
      PaymentId paymentId, UUID commandId, Function<PaymentView, Mono<ChangeResult>> correct) {
    return reader
        .lock(paymentId)
        .flatMap(
            before ->
                recorder
                    .recorded(commandId)
                    .flatMap(
                        done ->
                            done
                                ? Mono.just(new ChangeResult.Done(before))
                                : correct.apply(before)));
  }

  private Mono<ChangeResult> record(
      Caller.Operator operator,
      PaymentTransition transition,
      Function<PaymentChange, OutboxMessage> command,
      String action,
      String reason,
      Instant now,
      TraceIds trace,
      Optional<String> approvedBy) {
    if (!(transition instanceof PaymentChange change)) {
      return Mono.just(ChangeResult.declined((PaymentTransition.Refused) transition));
    }
    return recorder
        .record(operator, change, command.apply(change), action, reason, now, trace, approvedBy)
        .map(ChangeResult.Done::new);
  }

  /**
   * Whether an amendment could be carried out on the payment as it is now: asked before a request
   * for a second operator is recorded, so that nobody is asked to approve what cannot be done.
   * Empty when it could.
   */
  public Mono<Optional<ChangeResult>> vetAmendment(PaymentId paymentId, Amendment amendment) {
    return reader
        .find(paymentId)
        .map(
            view ->
                PaymentChange.amendment(view, amendment.amount(), amendment.status())
                        instanceof PaymentTransition.Refused refused
                    ? Optional.of(ChangeResult.declined(refused))
                    : Optional.<ChangeResult>empty())
        .defaultIfEmpty(Optional.of(ChangeResult.notFound(paymentId)));
  }

  /** As {@link #vetAmendment}: a payment we never saw can always be supplemented. */
  public Mono<Optional<ChangeResult>> vetSupplement(PaymentId paymentId, Supplement supplement) {
    return reader
        .find(paymentId)
        .map(
            view ->
                PaymentChange.supplement(view, supplement.merchantId(), supplement.amount())
                        instanceof PaymentTransition.Refused refused
                    ? Optional.of(ChangeResult.declined(refused))
                    : Optional.<ChangeResult>empty())
        .defaultIfEmpty(Optional.empty());
  }

  private void wakeIfDone(ChangeResult result) {
    if (result instanceof ChangeResult.Done) {
      recorder.committed();
    }
  }
}
