package com.paystream.gateway.payments.application;

import static com.paystream.gateway.payments.application.ChangeResult.declined;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.persistence.AuditLog;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.outbox.persistence.OutboxWakeup;
import com.paystream.gateway.outbox.persistence.OutboxWriter;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.HistoryEntry.Cause;
import com.paystream.gateway.payments.HistoryEntry.CauseType;
import com.paystream.gateway.payments.HistoryEntry.Event;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.PaymentStatusMachine;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.Refund;
import com.paystream.gateway.payments.application.ChangeResult.Reason;
import com.paystream.gateway.payments.kafka.PaymentCommandMessages;
import com.paystream.gateway.payments.persistence.PaymentReader;
import com.paystream.gateway.payments.persistence.PaymentRepository;
import com.paystream.gateway.payments.persistence.RefundRepository;
import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderClients;
import com.paystream.gateway.providers.ProviderRefundRequest;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
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
 * Changes to existing payments: cancellation, refunds (merchants and operators), amendments and
 * supplements (operators only, checked by the web adapter). Each recorded change is one transaction
 * holding the payment's row lock: the status change, its history row, its audit record and the
 * ledger's command in the outbox, or none of them. Every change is idempotent: repeating a request
 * (same payment, same Idempotency-Key) returns the first outcome and changes nothing.
 */
@Service
public class PaymentChanges {

  private final PaymentReader reader;
  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final OutboxWriter outbox;
  private final OutboxWakeup wakeup;
  private final AuditLog audit;
  private final PaymentCommandMessages commands;
  private final ProviderClients providers;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public PaymentChanges(
      PaymentReader reader,
      PaymentRepository payments,
      RefundRepository refunds,
      OutboxWriter outbox,
      OutboxWakeup wakeup,
      AuditLog audit,
      PaymentCommandMessages commands,
      ProviderClients providers,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.reader = reader;
    this.payments = payments;
    this.refunds = refunds;
    this.outbox = outbox;
    this.wakeup = wakeup;
    this.audit = audit;
    this.commands = commands;
    this.providers = providers;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  // ---------------------------------------------------------------- cancellation

  /**
   * Cancels a payment that has not succeeded: first at the provider (so the customer can no longer
   * pay), then here. If the provider has already taken the payment, nothing is cancelled.
   */
  public Mono<ChangeResult> cancel(
      Caller caller, PaymentId paymentId, String reason, String traceId) {
    return visible(caller, paymentId)
        .flatMap(
            view -> {
              if (view.status() == PaymentStatus.CANCELLED) {
                return Mono.just((ChangeResult) done(view));
              }
              if (!PaymentStatusMachine.canMove(view.status(), PaymentStatus.CANCELLED)) {
                return Mono.just(cannot("cancel", view));
              }
              return cancelAtProvider(view)
                  .then(recordCancel(caller, paymentId, reason, traceId))
                  .onErrorResume(
                      ProviderRefused.class,
                      e ->
                          Mono.just(
                              declined(
                                  Reason.PROVIDER_REFUSED,
                                  "the provider has already taken payment " + paymentId)))
                  .onErrorResume(ProviderUnavailable.class, e -> unavailable());
            })
        .switchIfEmpty(Mono.fromSupplier(() -> notFound(paymentId)));
  }

  private Mono<Void> cancelAtProvider(PaymentView view) {
    if (view.providerPaymentId().isEmpty()) {
      return Mono.empty();
    }
    return client(view).flatMap(client -> client.cancelPayment(view.providerPaymentId().get()));
  }

  private Mono<ChangeResult> recordCancel(
      Caller caller, PaymentId paymentId, String reason, String traceId) {
    return Mono.defer(
            () ->
                reader
                    .lock(paymentId)
                    .flatMap(
                        before -> {
                          if (before.status() == PaymentStatus.CANCELLED) {
                            return Mono.just((ChangeResult) done(before));
                          }
                          if (!PaymentStatusMachine.canMove(
                              before.status(), PaymentStatus.CANCELLED)) {
                            return Mono.just(cannot("cancel", before));
                          }
                          Instant now = clock.instant();
                          UUID commandId = derivedId("cancel", paymentId, "");
                          OutboxMessage message =
                              commands.cancellation(
                                  context(
                                      commandId,
                                      before,
                                      caller,
                                      reason,
                                      "cancel:" + paymentId,
                                      now,
                                      traceId));
                          return change(
                              new Change(
                                  caller,
                                  before,
                                  PaymentStatus.CANCELLED,
                                  before.amount().minor(),
                                  false,
                                  before.amount().minor(),
                                  Event.CANCELLED,
                                  commandId,
                                  message,
                                  "PAYMENT_CANCELLED",
                                  reason,
                                  now,
                                  traceId));
                        }))
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  // ---------------------------------------------------------------- refunds

  /**
   * Refunds part or all of a succeeded payment: the amount is reserved under the payment's lock (so
   * concurrent refunds can never exceed what was captured), then the provider is asked (idempotent
   * by refund id), then the refund, the ledger's command, and for a full refund the REFUNDED status
   * are recorded.
   */
  public Mono<ChangeResult> refund(
      Caller caller, PaymentId paymentId, RefundRequest request, String traceId) {
    String refundId = refundId(paymentId, request.idempotencyKey());
    return reserve(caller, paymentId, refundId, request)
        .flatMap(
            reserved -> {
              if (!(reserved instanceof Reserved r)) {
                return Mono.just(((Settled) reserved).result());
              }
              return submit(caller, r.payment(), r.refund(), traceId);
            });
  }

  private sealed interface Reservation {}

  private record Reserved(PaymentView payment, Refund refund) implements Reservation {}

  private record Settled(ChangeResult result) implements Reservation {}

  private Mono<Reservation> reserve(
      Caller caller, PaymentId paymentId, String refundId, RefundRequest request) {
    return Mono.defer(
            () ->
                reader
                    .lock(paymentId)
                    .filter(view -> mayChange(caller, view))
                    .flatMap(view -> reserveLocked(caller, view, refundId, request))
                    .switchIfEmpty(Mono.fromSupplier(() -> new Settled(notFound(paymentId)))))
        .as(transaction::transactional);
  }

  private Mono<Reservation> reserveLocked(
      Caller caller, PaymentView view, String refundId, RefundRequest request) {
    return refunds
        .find(refundId)
        .map(existing -> existingRefund(view, existing, request))
        .switchIfEmpty(
            Mono.defer(
                () -> {
                  if (!request.amount().currency().equals(view.amount().currency())) {
                    return Mono.just(
                        new Settled(
                            declined(
                                Reason.INVALID_REQUEST,
                                "a refund is in the payment's currency, "
                                    + view.amount().currencyCode())));
                  }
                  if (view.status() != PaymentStatus.SUCCEEDED) {
                    return Mono.just(new Settled(cannot("refund", view)));
                  }
                  if (request.amount().compareTo(view.refundable()) > 0) {
                    return Mono.just(
                        new Settled(
                            declined(
                                Reason.EXCEEDS_REFUNDABLE,
                                "refund of "
                                    + request.amount().minor()
                                    + " exceeds the refundable "
                                    + view.refundable().minor())));
                  }
                  Instant now = clock.instant();
                  Refund refund =
                      new Refund(
                          refundId,
                          view.paymentId(),
                          request.amount(),
                          Refund.Status.REQUESTED,
                          request.reason(),
                          caller.actor(),
                          Optional.empty(),
                          now);
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
                      .thenReturn((Reservation) new Reserved(view, refund));
                }));
  }

  /** A repeated request: the same refund goes on where it stands; another amount is a misuse. */
  private Reservation existingRefund(PaymentView view, Refund existing, RefundRequest request) {
    if (!existing.amount().equals(request.amount())) {
      return new Settled(
          declined(Reason.KEY_REUSED, "this Idempotency-Key was used for another refund"));
    }
    return switch (existing.status()) {
      case REQUESTED -> new Reserved(view, existing);
      case SUBMITTED -> new Settled(new ChangeResult.Done(view, Optional.of(existing)));
      case FAILED ->
          new Settled(declined(Reason.PROVIDER_REFUSED, "the provider refused this refund"));
    };
  }

  private Mono<ChangeResult> submit(
      Caller caller, PaymentView payment, Refund refund, String traceId) {
    if (payment.providerPaymentId().isEmpty()) {
      return failRefund(caller, refund, "the provider never confirmed this payment");
    }
    return client(payment)
        .flatMap(
            client ->
                client.refund(
                    new ProviderRefundRequest(
                        refund.refundId(), payment.providerPaymentId().get(), refund.amount())))
        .flatMap(accepted -> recordRefund(caller, refund, accepted.providerRefundId(), traceId))
        .onErrorResume(ProviderRefused.class, e -> failRefund(caller, refund, e.getMessage()))
        .onErrorResume(ProviderUnavailable.class, e -> unavailable());
  }

  private Mono<ChangeResult> recordRefund(
      Caller caller, Refund refund, String providerRefundId, String traceId) {
    return Mono.defer(
            () ->
                reader
                    .lock(refund.paymentId())
                    .flatMap(
                        before -> {
                          Instant now = clock.instant();
                          return refunds
                              .settle(
                                  refund.refundId(),
                                  Refund.Status.SUBMITTED,
                                  Optional.of(providerRefundId),
                                  now)
                              .flatMap(
                                  settledHere ->
                                      settledHere
                                          ? recordSubmitted(caller, before, refund, now, traceId)
                                          : refunds
                                              .find(refund.refundId())
                                              .map(
                                                  r ->
                                                      (ChangeResult)
                                                          new ChangeResult.Done(
                                                              before, Optional.of(r))));
                        }))
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  private Mono<ChangeResult> recordSubmitted(
      Caller caller, PaymentView before, Refund refund, Instant now, String traceId) {
    return refunds
        .submittedTotal(before.paymentId())
        .flatMap(submitted -> recordSubmitted(caller, before, refund, submitted, now, traceId));
  }

  /** Fully refunded (by submitted refunds, not reserved ones) moves the payment to REFUNDED. */
  private Mono<ChangeResult> recordSubmitted(
      Caller caller,
      PaymentView before,
      Refund refund,
      long submittedMinor,
      Instant now,
      String traceId) {
    boolean full = submittedMinor == before.amount().minor();
    PaymentStatus after = full ? PaymentStatus.REFUNDED : before.status();
    UUID commandId = derivedId("refund", before.paymentId(), refund.refundId());
    OutboxMessage message =
        commands.refund(
            context(commandId, before, caller, refund.reason(), refund.refundId(), now, traceId),
            refund.refundId(),
            refund.amount());
    Refund submitted =
        new Refund(
            refund.refundId(),
            refund.paymentId(),
            refund.amount(),
            Refund.Status.SUBMITTED,
            refund.reason(),
            refund.requestedBy(),
            Optional.empty(),
            refund.createdAt());
    return change(
            new Change(
                caller,
                before,
                after,
                before.amount().minor(),
                false,
                refund.amount().minor(),
                Event.REFUNDED,
                commandId,
                message,
                "REFUND_SUBMITTED",
                refund.reason(),
                now,
                traceId))
        .map(
            result ->
                result instanceof ChangeResult.Done done
                    ? new ChangeResult.Done(done.payment(), Optional.of(submitted))
                    : result);
  }

  private Mono<ChangeResult> failRefund(Caller caller, Refund refund, String why) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return refunds
                  .settle(refund.refundId(), Refund.Status.FAILED, Optional.empty(), now)
                  .then(
                      audit.append(
                          new AuditEntry(
                              now,
                              caller.actor(),
                              "REFUND_FAILED",
                              "refund",
                              refund.refundId(),
                              Optional.of(refundJson(refund)),
                              Optional.empty(),
                              why,
                              "")))
                  .thenReturn(
                      declined(Reason.PROVIDER_REFUSED, "the provider refused the refund: " + why));
            })
        .as(transaction::transactional);
  }

  // ---------------------------------------------------------------- amendments, supplements

  /** An operator corrects amount and/or status; the ledger reverses and re-posts. */
  public Mono<ChangeResult> amend(
      Caller.Operator operator, PaymentId paymentId, Amendment amendment, String traceId) {
    UUID commandId = derivedId("amendment", paymentId, amendment.idempotencyKey());
    return Mono.defer(
            () ->
                reader
                    .lock(paymentId)
                    .flatMap(
                        before ->
                            outbox
                                .exists(commandId)
                                .flatMap(
                                    done ->
                                        done
                                            ? Mono.just((ChangeResult) done(before))
                                            : amendLocked(
                                                operator, before, amendment, commandId, traceId)))
                    .switchIfEmpty(Mono.fromSupplier(() -> notFound(paymentId))))
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  private Mono<ChangeResult> amendLocked(
      Caller.Operator operator,
      PaymentView before,
      Amendment amendment,
      UUID commandId,
      String traceId) {
    if (!amendment.amount().currency().equals(before.amount().currency())) {
      return Mono.just(
          declined(Reason.INVALID_REQUEST, "the currency of a payment cannot be amended"));
    }
    Instant now = clock.instant();
    OutboxMessage message =
        commands.amendment(
            context(
                commandId,
                before,
                operator,
                amendment.reason(),
                "amendment:" + amendment.idempotencyKey(),
                now,
                traceId),
            amendment.amount(),
            amendment.status());
    return change(
        new Change(
            operator,
            before,
            amendment.status(),
            amendment.amount().minor(),
            true,
            amendment.amount().minor(),
            Event.AMENDED,
            commandId,
            message,
            "PAYMENT_AMENDED",
            amendment.reason(),
            now,
            traceId));
  }

  /**
   * An operator books a payment proven by evidence. A payment we never saw is created (origin
   * OPERATOR); one we know must not be booked already.
   */
  public Mono<ChangeResult> supplement(
      Caller.Operator operator, PaymentId paymentId, Supplement supplement, String traceId) {
    UUID commandId = derivedId("supplement", paymentId, supplement.idempotencyKey());
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
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
                          (created
                                  ? payments.append(
                                      HistoryEntry.created(
                                          paymentId, supplement.amount(), cause, now))
                                  : Mono.<Void>empty())
                              .then(reader.lock(paymentId))
                              .flatMap(
                                  before ->
                                      outbox
                                          .exists(commandId)
                                          .flatMap(
                                              done ->
                                                  done
                                                      ? Mono.just((ChangeResult) done(before))
                                                      : supplementLocked(
                                                          operator,
                                                          before,
                                                          supplement,
                                                          commandId,
                                                          now,
                                                          traceId))));
            })
        .as(transaction::transactional)
        .doOnNext(this::wakeIfDone);
  }

  private Mono<ChangeResult> supplementLocked(
      Caller.Operator operator,
      PaymentView before,
      Supplement supplement,
      UUID commandId,
      Instant now,
      String traceId) {
    if (!before.merchantId().equals(supplement.merchantId())
        || !before.amount().currency().equals(supplement.amount().currency())) {
      return Mono.just(
          declined(Reason.INVALID_REQUEST, "the evidence names another merchant or currency"));
    }
    if (before.status() == PaymentStatus.SUCCEEDED || before.status() == PaymentStatus.REFUNDED) {
      return Mono.just(
          declined(
              Reason.INVALID_STATE,
              "payment " + before.paymentId() + " is booked already (" + before.status() + ")"));
    }
    OutboxMessage message =
        commands.supplement(
            context(
                commandId,
                before,
                operator,
                supplement.reason(),
                supplement.evidenceReference(),
                now,
                traceId),
            supplement.amount(),
            supplement.evidenceReference());
    return change(
        new Change(
            operator,
            before,
            PaymentStatus.SUCCEEDED,
            supplement.amount().minor(),
            true,
            supplement.amount().minor(),
            Event.SUPPLEMENTED,
            commandId,
            message,
            "SUPPLEMENT_RECORDED",
            supplement.reason() + " (evidence: " + supplement.evidenceReference() + ")",
            now,
            traceId));
  }

  // ---------------------------------------------------------------- shared

  /**
   * One recorded change.
   *
   * @param correction true for operator corrections (amount may change, attention is closed); false
   *     for lifecycle changes (status only)
   * @param historyAmount the amount the history row states (the refund's, for a refund)
   */
  private record Change(
      Caller caller,
      PaymentView before,
      PaymentStatus status,
      long amountMinor,
      boolean correction,
      long historyAmountMinor,
      Event event,
      UUID commandId,
      OutboxMessage message,
      String action,
      String reason,
      Instant at,
      String traceId) {}

  /** The one shape of every recorded change: status, history, ledger command, audit, in one go. */
  private Mono<ChangeResult> change(Change change) {
    PaymentView before = change.before();
    PaymentId paymentId = before.paymentId();
    Caller caller = change.caller();
    Cause cause =
        new Cause(
            caller instanceof Caller.Operator ? CauseType.OPERATOR : CauseType.API,
            change.commandId().toString(),
            caller.actor());
    Mono<Void> update =
        change.correction()
            ? payments.correct(paymentId, change.status(), change.amountMinor(), change.at())
            : payments.moveStatus(paymentId, change.status(), change.at());
    return update
        .then(
            payments.append(
                HistoryEntry.changed(
                    paymentId,
                    change.event(),
                    before.status(),
                    change.status(),
                    Money.of(change.historyAmountMinor(), before.amount().currencyCode()),
                    cause,
                    change.at())))
        .then(outbox.appendIfAbsent(change.message()))
        .then(reader.find(paymentId))
        .flatMap(
            after ->
                audit
                    .append(
                        new AuditEntry(
                            change.at(),
                            caller.actor(),
                            change.action(),
                            "payment",
                            paymentId.value(),
                            Optional.of(PaymentJson.view(before)),
                            Optional.of(PaymentJson.view(after)),
                            change.reason(),
                            change.traceId()))
                    .thenReturn((ChangeResult) done(after)));
  }

  private Mono<PaymentView> visible(Caller caller, PaymentId paymentId) {
    return reader.find(paymentId).filter(view -> mayChange(caller, view));
  }

  private static boolean mayChange(Caller caller, PaymentView view) {
    return caller instanceof Caller.Operator
        || (caller instanceof Caller.Merchant merchant
            && merchant.merchantId().equals(view.merchantId()));
  }

  private Mono<ProviderClient> client(PaymentView view) {
    return providers
        .find(view.provider())
        .map(Mono::just)
        .orElseGet(
            () ->
                Mono.error(
                    new ProviderUnavailable("no client for provider " + view.provider(), null)));
  }

  private void wakeIfDone(ChangeResult result) {
    if (result instanceof ChangeResult.Done) {
      wakeup.wake();
    }
  }

  private static PaymentCommandMessages.Context context(
      UUID commandId,
      PaymentView payment,
      Caller caller,
      String reason,
      String causationId,
      Instant now,
      String traceId) {
    return new PaymentCommandMessages.Context(
        commandId, payment, caller.actor(), reason, causationId, now, traceId);
  }

  private static ChangeResult done(PaymentView view) {
    return new ChangeResult.Done(view, Optional.empty());
  }

  private static ChangeResult cannot(String what, PaymentView view) {
    return declined(
        Reason.INVALID_STATE,
        "cannot " + what + " payment " + view.paymentId() + " in status " + view.status());
  }

  private static ChangeResult notFound(PaymentId paymentId) {
    return declined(Reason.NOT_FOUND, "payment " + paymentId + " not found");
  }

  private static Mono<ChangeResult> unavailable() {
    return Mono.just(
        declined(
            Reason.PROVIDER_UNAVAILABLE,
            "the provider could not be reached; retry with the same Idempotency-Key"));
  }

  /** Ids derived from the request, so that a repeated request maps onto the same records. */
  static UUID derivedId(String kind, PaymentId paymentId, String key) {
    return UUID.nameUUIDFromBytes(
        (kind + "|" + paymentId + "|" + key).getBytes(StandardCharsets.UTF_8));
  }

  static String refundId(PaymentId paymentId, String idempotencyKey) {
    return "re_" + derivedId("refund", paymentId, idempotencyKey).toString().replace("-", "");
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
