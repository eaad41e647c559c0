package com.paystream.gateway.payments.application;

import static com.paystream.gateway.payments.application.ChangeResult.declined;

import com.paystream.gateway.approvals.ApprovedAction;
import com.paystream.gateway.audit.RequestContext;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.PaymentChange;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentTransition;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.application.ChangeResult.Reason;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.gateway.providers.ProviderUnavailable;
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
 * Cancels a payment that has not succeeded (a captured payment is refunded, never cancelled); an
 * operator's cancellation waits for a second operator's approval (four eyes, {@code
 * payment.cancel}), a merchant's own does not: first at the provider (so the customer can no longer
 * pay), then here, in one transaction holding the payment's row lock. If the provider has already
 * taken the payment, nothing is cancelled. Cancelling a cancelled payment answers it as it is.
 */
@Service
public class PaymentCancellation {

  private final PaymentLookup reader;
  private final PaymentChangeRecorder recorder;
  private final CancellationCommands commands;
  private final ProviderClients providers;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public PaymentCancellation(
      PaymentLookup reader,
      PaymentChangeRecorder recorder,
      CancellationCommands commands,
      ProviderClients providers,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.reader = reader;
    this.recorder = recorder;
    this.commands = commands;
    this.providers = providers;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  public Mono<ChangeResult> cancel(
      Caller caller, PaymentId paymentId, String reason, TraceIds trace) {
    return reader
        .find(paymentId)
        .filter(view -> PaymentChangeRecorder.mayChange(caller, view))
        .flatMap(
            view ->
                whenCancellable(
                    view,
                    allowed ->
                        cancelAtProvider(view)
                            .then(recordCancel(caller, paymentId, reason, trace))
                            .onErrorResume(
                                ProviderRefused.class,
                                e ->
                                    Mono.just(
                                        declined(
                                            Reason.PROVIDER_REFUSED,
                                            "the provider has already taken payment " + paymentId)))
                            .onErrorResume(
                                ProviderUnavailable.class,
                                e ->
                                    Mono.just(
                                        declined(
                                            Reason.PROVIDER_UNAVAILABLE,
                                            "the provider could not be reached; retry with the"
                                                + " same Idempotency-Key")))))
        .switchIfEmpty(Mono.fromSupplier(() -> ChangeResult.notFound(paymentId)));
  }

  /**
   * Asked twice: before the provider is called (no call for a payment we may not cancel), and again
   * under the row lock, because a callback may have moved the payment in between.
   */
  private static Mono<ChangeResult> whenCancellable(
      PaymentView view, Function<PaymentChange, Mono<ChangeResult>> proceed) {
    if (view.status() == PaymentStatus.CANCELLED) {
      return Mono.just(new ChangeResult.Done(view));
    }
    PaymentTransition transition = PaymentChange.cancellation(view);
    return transition instanceof PaymentChange change
        ? proceed.apply(change)
        : Mono.just(declined((PaymentTransition.Refused) transition));
  }

  private Mono<Void> cancelAtProvider(PaymentView view) {
    if (view.providerPaymentId().isEmpty()) {
      return Mono.empty();
    }
    return providers
        .client(view.provider())
        .flatMap(client -> client.cancelPayment(view.providerPaymentId().get()));
  }

  /**
   * Whether the payment could be cancelled now, asked before a request for a second operator is
   * recorded: Done with the payment when it can (or is cancelled already), else why not.
   */
  public Mono<ChangeResult> vet(PaymentId paymentId) {
    return reader
        .find(paymentId)
        .flatMap(view -> whenCancellable(view, change -> Mono.just(new ChangeResult.Done(view))))
        .switchIfEmpty(Mono.fromSupplier(() -> ChangeResult.notFound(paymentId)));
  }

  /**
   * The provider's part of an approved cancellation, before the approving transaction: the payment
   * is cancelled at the provider, or the approval fails with why not.
   */
  public Mono<Void> cancelAtProviderFor(PaymentId paymentId) {
    return vet(paymentId)
        .flatMap(
            vetted ->
                vetted instanceof ChangeResult.Done done
                    ? cancelAtProvider(done.payment())
                    : Mono.error(approvalDeclined(vetted)))
        .onErrorMap(
            ProviderRefused.class,
            e ->
                new ApprovedAction.Declined(
                    ApprovedAction.Declined.Kind.PROVIDER_REFUSED,
                    "the provider has already taken payment " + paymentId))
        .onErrorMap(
            ProviderUnavailable.class,
            e ->
                new ApprovedAction.Declined(
                    ApprovedAction.Declined.Kind.PROVIDER_UNAVAILABLE,
                    "the provider could not be reached; approve again"));
  }

  /**
   * The cancellation {@code requester} asked for, approved by {@code approvedBy}, recorded in the
   * approving transaction (after {@link #cancelAtProviderFor}).
   */
  public Mono<ChangeResult> cancelApproved(
      Caller requester, PaymentId paymentId, String reason, String approvedBy) {
    return Mono.deferContextual(
        context ->
            recordCancel(
                requester,
                paymentId,
                reason,
                RequestContext.trace(context),
                Optional.of(approvedBy)));
  }

  static ApprovedAction.Declined approvalDeclined(ChangeResult result) {
    ChangeResult.Declined declined = (ChangeResult.Declined) result;
    return new ApprovedAction.Declined(
        ApprovedAction.Declined.Kind.valueOf(declined.reason().name()), declined.detail());
  }

  private Mono<ChangeResult> recordCancel(
      Caller caller, PaymentId paymentId, String reason, TraceIds trace) {
    return recordCancel(caller, paymentId, reason, trace, Optional.empty());
  }

  private Mono<ChangeResult> recordCancel(
      Caller caller,
      PaymentId paymentId,
      String reason,
      TraceIds trace,
      Optional<String> approvedBy) {
    return Mono.defer(
            () ->
                reader
                    .lock(paymentId)
                    .flatMap(
                        before ->
                            whenCancellable(
                                before,
                                change -> record(caller, change, reason, trace, approvedBy))))
        .as(transaction::transactional)
        .doOnNext(
            result -> {
              if (result instanceof ChangeResult.Done) {
                recorder.committed();
              }
            });
  }

  private Mono<ChangeResult> record(
      Caller caller,
      PaymentChange change,
      String reason,
      TraceIds trace,
      Optional<String> approvedBy) {
    PaymentView before = change.before();
    Instant now = clock.instant();
    UUID commandId = CommandContext.derivedId("cancel", before.paymentId(), "");
    OutboxMessage message =
        commands.cancellation(
            PaymentChangeRecorder.context(
                    commandId, before, caller, reason, "cancel:" + before.paymentId(), now, trace)
                .approvedBy(approvedBy),
            before.status());
    return recorder
        .record(caller, change, message, "PAYMENT_CANCELLED", reason, now, trace, approvedBy)
        .map(ChangeResult.Done::new);
  }
}
