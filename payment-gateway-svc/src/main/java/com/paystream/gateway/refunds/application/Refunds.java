package com.paystream.gateway.refunds.application;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.commands.CommandContext;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.PaymentChange;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.application.PaymentChangeRecorder;
import com.paystream.gateway.payments.application.PaymentLookup;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.providers.ProviderRefundRequest;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.gateway.refunds.Refund;
import com.paystream.gateway.refunds.RefundCommands;
import com.paystream.gateway.refunds.RefundRequest;
import com.paystream.gateway.refunds.RefundReservation;
import com.paystream.gateway.refunds.RefundResult;
import com.paystream.gateway.refunds.RefundResult.Declined;
import com.paystream.gateway.refunds.RefundResult.Reason;
import com.paystream.gateway.refunds.RefundStore;
import com.paystream.gateway.support.TraceIds;
import com.paystream.platform.ids.PaymentId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds part or all of a succeeded payment, for merchants and operators: the amount is reserved
 * under the payment's lock (so concurrent refunds can never exceed what was captured), then the
 * provider is asked (idempotent by refund id), then the refund, the ledger's command, and for a
 * full refund the REFUNDED status are recorded. Repeating a request (same payment, same
 * Idempotency-Key) goes on from where the refund stands.
 */
@Service
public class Refunds {

  private final PaymentLookup payments;
  private final RefundStore refunds;
  private final RefundCommands commands;
  private final PaymentChangeRecorder recorder;
  private final AuditTrail audit;
  private final ProviderClients providers;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public Refunds(
      PaymentLookup payments,
      RefundStore refunds,
      RefundCommands commands,
      PaymentChangeRecorder recorder,
      AuditTrail audit,
      ProviderClients providers,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.payments = payments;
    this.refunds = refunds;
    this.commands = commands;
    this.recorder = recorder;
    this.audit = audit;
    this.providers = providers;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  public Mono<RefundResult> refund(
      Caller caller, PaymentId paymentId, RefundRequest request, TraceIds trace) {
    String refundId = refundId(paymentId, request.idempotencyKey());
    return reserve(caller, paymentId, refundId, request)
        .flatMap(
            step ->
                step instanceof Reserved reserved
                    ? submit(caller, reserved.payment(), reserved.refund(), trace)
                    : Mono.just(((Answered) step).result()));
  }

  /** Where a request stands after the reservation: go on to the provider, or answered. */
  private sealed interface Step {}

  private record Reserved(PaymentView payment, Refund refund) implements Step {}

  private record Answered(RefundResult result) implements Step {}

  private Mono<Step> reserve(
      Caller caller, PaymentId paymentId, String refundId, RefundRequest request) {
    return Mono.defer(
            () ->
                payments
                    .lock(paymentId)
                    .filter(view -> PaymentChangeRecorder.mayChange(caller, view))
                    .flatMap(view -> reserveLocked(caller, view, refundId, request))
                    .switchIfEmpty(
                        Mono.fromSupplier(
                            () ->
                                new Answered(
                                    new Declined(
                                        Reason.NOT_FOUND, "payment " + paymentId + " not found")))))
        .as(transaction::transactional);
  }

  private Mono<Step> reserveLocked(
      Caller caller, PaymentView view, String refundId, RefundRequest request) {
    return refunds
        .find(refundId)
        .map(existing -> repeated(view, existing, request))
        .switchIfEmpty(
            Mono.defer(
                () -> {
                  Instant now = clock.instant();
                  RefundReservation reservation =
                      Refund.reserve(
                          refundId, view, request.amount(), request.reason(), caller.actor(), now);
                  if (reservation instanceof Declined declined) {
                    return Mono.just(new Answered(declined));
                  }
                  Refund refund = (Refund) reservation;
                  return refunds
                      .insert(refund, now)
                      .then(
                          audit.append(
                              new AuditEntry(
                                  now,
                                  caller.actor(),
                                  "REFUND_REQUESTED",
                                  "refund",
                                  refundId,
                                  Optional.empty(),
                                  Optional.of(refundJson(refund)),
                                  request.reason(),
                                  "")))
                      .thenReturn(new Reserved(view, refund));
                }));
  }

  /** A repeated request: the same refund goes on where it stands; another amount is a misuse. */
  private static Step repeated(PaymentView view, Refund existing, RefundRequest request) {
    if (!existing.amount().equals(request.amount())) {
      return new Answered(
          new Declined(Reason.KEY_REUSED, "this Idempotency-Key was used for another refund"));
    }
    return switch (existing.status()) {
      case REQUESTED -> new Reserved(view, existing);
      case SUBMITTED -> new Answered(new RefundResult.Done(view, existing));
      case FAILED ->
          new Answered(new Declined(Reason.PROVIDER_REFUSED, "the provider refused this refund"));
    };
  }

  private Mono<RefundResult> submit(
      Caller caller, PaymentView payment, Refund refund, TraceIds trace) {
    if (payment.providerPaymentId().isEmpty()) {
      return fail(caller, refund, "the provider never confirmed this payment");
    }
    return providers
        .client(payment.provider())
        .flatMap(
            client ->
                client.refund(
                    new ProviderRefundRequest(
                        refund.refundId(), payment.providerPaymentId().get(), refund.amount())))
        .flatMap(accepted -> record(caller, refund.submitted(accepted.providerRefundId()), trace))
        .onErrorResume(ProviderRefused.class, e -> fail(caller, refund, e.getMessage()))
        .onErrorResume(
            ProviderUnavailable.class,
            e ->
                Mono.just(
                    new Declined(
                        Reason.PROVIDER_UNAVAILABLE,
                        "the provider could not be reached; retry with the same Idempotency-Key")));
  }

  /** Records a refund the provider took, unless a racing retry recorded it first. */
  private Mono<RefundResult> record(Caller caller, Refund submitted, TraceIds trace) {
    return Mono.defer(
            () ->
                payments
                    .lock(submitted.paymentId())
                    .flatMap(
                        before -> {
                          Instant now = clock.instant();
                          return refunds
                              .settle(submitted, now)
                              .flatMap(
                                  settledHere ->
                                      settledHere
                                          ? recordOnPayment(caller, before, submitted, now, trace)
                                          : whereItStands(before, submitted));
                        }))
        .as(transaction::transactional)
        .doOnNext(
            result -> {
              if (result instanceof RefundResult.Done) {
                recorder.committed();
              }
            });
  }

  private Mono<RefundResult> recordOnPayment(
      Caller caller, PaymentView before, Refund submitted, Instant now, TraceIds trace) {
    UUID commandId = CommandContext.derivedId("refund", before.paymentId(), submitted.refundId());
    OutboxMessage message =
        commands.refund(
            PaymentChangeRecorder.context(
                commandId, before, caller, submitted.reason(), submitted.refundId(), now, trace),
            submitted);
    return refunds
        .submittedTotal(before.paymentId())
        .map(total -> PaymentChange.refund(before, submitted.amount(), total))
        .flatMap(
            change ->
                recorder.record(
                    caller, change, message, "REFUND_SUBMITTED", submitted.reason(), now, trace))
        .map(after -> new RefundResult.Done(after, submitted));
  }

  /** A racing retry settled the refund first: answer with how it settled. */
  private Mono<RefundResult> whereItStands(PaymentView payment, Refund refund) {
    return refunds
        .find(refund.refundId())
        .map(
            settled ->
                settled.status() == Refund.Status.FAILED
                    ? new Declined(Reason.PROVIDER_REFUSED, "the provider refused this refund")
                    : new RefundResult.Done(payment, settled));
  }

  /** The provider refused the refund (or can never be asked): its amount is free again. */
  private Mono<RefundResult> fail(Caller caller, Refund refund, String why) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return refunds
                  .settle(refund.failed(), now)
                  .flatMap(
                      settledHere ->
                          settledHere
                              ? audit
                                  .append(
                                      new AuditEntry(
                                          now,
                                          caller.actor(),
                                          "REFUND_FAILED",
                                          "refund",
                                          refund.refundId(),
                                          Optional.of(refundJson(refund)),
                                          Optional.empty(),
                                          why,
                                          ""))
                                  .thenReturn(
                                      (RefundResult)
                                          new Declined(
                                              Reason.PROVIDER_REFUSED,
                                              "the provider refused the refund: " + why))
                              : payments
                                  .find(refund.paymentId())
                                  .flatMap(payment -> whereItStands(payment, refund)));
            })
        .as(transaction::transactional);
  }

  /** The refund's id, derived from the request so that a repeated request finds its refund. */
  static String refundId(PaymentId paymentId, String idempotencyKey) {
    return "re_"
        + CommandContext.derivedId("refund", paymentId, idempotencyKey).toString().replace("-", "");
  }

  private static Map<String, Object> refundJson(Refund refund) {
    return Map.of(
        "refund_id", refund.refundId(),
        "payment_id", refund.paymentId().value(),
        "amount_minor", refund.amount().minor(),
        "currency", refund.amount().currencyCode(),
        "status", refund.status().name());
  }
}
