package com.paystream.gateway.payments.application;

import com.paystream.gateway.audit.AuditEntry;
import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.auth.Caller;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.HistoryEntry.Cause;
import com.paystream.gateway.payments.HistoryEntry.CauseType;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.application.IdempotencyKeys.IdempotencyRecord;
import com.paystream.gateway.providers.ProviderClient;
import com.paystream.gateway.providers.ProviderPayment;
import com.paystream.gateway.providers.ProviderPaymentRequest;
import com.paystream.gateway.providers.ProviderRefused;
import com.paystream.platform.ids.PaymentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates payments exactly once per (merchant, Idempotency-Key), in two transactions around the
 * provider call:
 *
 * <ol>
 *   <li>claim the key and create the payment (CREATED, history, audit): a concurrent request with
 *       the same key waits on the key's row and then finds it taken (409 while in progress, the
 *       stored answer once done, 422 if its body differs);
 *   <li>ask the provider (idempotent at the provider by our payment id), outside any transaction;
 *   <li>store the provider's reference and the answer, which every retry with the key replays.
 * </ol>
 *
 * A request that dies after step 1 leaves its key leased; once the lease runs out, a retry takes it
 * over and resumes at step 2 with the same payment, so the key is never stuck and no second payment
 * is ever created. If the provider is unavailable the lease is released at once and the error is
 * returned: retrying with the same key resumes.
 */
@Service
public class PaymentCreation {

  static final Duration LEASE = Duration.ofSeconds(30);

  private final IdempotencyKeys keys;
  private final PaymentUpdates payments;
  private final PaymentLookup reader;
  private final AuditTrail audit;
  private final TransactionalOperator transaction;
  private final Clock clock;

  public PaymentCreation(
      IdempotencyKeys keys,
      PaymentUpdates payments,
      PaymentLookup reader,
      AuditTrail audit,
      ReactiveTransactionManager transactionManager,
      Clock clock) {
    this.keys = keys;
    this.payments = payments;
    this.reader = reader;
    this.audit = audit;
    this.transaction = TransactionalOperator.create(transactionManager);
    this.clock = clock;
  }

  private sealed interface Claim {}

  private record Proceed(PaymentId paymentId) implements Claim {}

  private record Settled(CreationResult result) implements Claim {}

  /** Creates the payment at {@code provider}, the client of the provider the request names. */
  public Mono<CreationResult> create(
      Caller.Merchant caller,
      String idempotencyKey,
      CreatePayment request,
      ProviderClient provider,
      String traceId) {
    return claim(caller, idempotencyKey, request, traceId)
        .flatMap(
            claim ->
                claim instanceof Settled settled
                    ? Mono.just(settled.result())
                    : proceed(
                        caller, idempotencyKey, request, provider, ((Proceed) claim).paymentId()));
  }

  private Mono<Claim> claim(
      Caller.Merchant caller, String key, CreatePayment request, String traceId) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              PaymentId paymentId =
                  new PaymentId("pay_" + UUID.randomUUID().toString().replace("-", ""));
              return keys.claim(
                      caller.merchantId(),
                      key,
                      request.fingerprint(),
                      paymentId,
                      now.plus(LEASE),
                      now)
                  .flatMap(
                      claimed ->
                          claimed
                              ? createPayment(caller, key, request, paymentId, now, traceId)
                                  .thenReturn((Claim) new Proceed(paymentId))
                              : existing(caller, key, request, now));
            })
        .as(transaction::transactional);
  }

  private Mono<Void> createPayment(
      Caller.Merchant caller,
      String key,
      CreatePayment request,
      PaymentId paymentId,
      Instant now,
      String traceId) {
    NewPayment payment =
        new NewPayment(
            paymentId,
            caller.merchantId(),
            request.provider(),
            Optional.empty(),
            request.amount(),
            NewPayment.Origin.API);
    Cause cause = new Cause(CauseType.API, "idempotency-key:" + key, caller.actor());
    return payments
        .insertRequested(payment, request.reference(), caller.actor(), now)
        .then(payments.append(HistoryEntry.created(paymentId, request.amount(), cause, now)))
        .then(reader.find(paymentId))
        .flatMap(
            view ->
                audit.append(
                    new AuditEntry(
                        now,
                        caller.actor(),
                        "PAYMENT_CREATED",
                        "payment",
                        paymentId.value(),
                        Optional.empty(),
                        Optional.of(PaymentJson.view(view)),
                        "",
                        traceId)));
  }

  private Mono<Claim> existing(
      Caller.Merchant caller, String key, CreatePayment request, Instant now) {
    return keys.find(caller.merchantId(), key)
        .flatMap(
            record -> {
              if (!Arrays.equals(record.requestSha256(), request.fingerprint())) {
                return Mono.just(new Settled(new CreationResult.KeyReused()));
              }
              if (record.completed()) {
                return Mono.just(
                    new Settled(
                        new CreationResult.Answer(
                            record.responseStatus().orElseThrow(),
                            record.responseBody().orElseThrow(),
                            true)));
              }
              return takeOverIfExpired(caller, key, record, now);
            });
  }

  private Mono<Claim> takeOverIfExpired(
      Caller.Merchant caller, String key, IdempotencyRecord record, Instant now) {
    Instant lease = record.leaseUntil().orElse(Instant.MIN);
    if (lease.isAfter(now)) {
      return Mono.just(new Settled(new CreationResult.InProgress()));
    }
    return keys.takeOver(caller.merchantId(), key, lease, now.plus(LEASE))
        .map(
            won ->
                won
                    ? new Proceed(record.paymentId())
                    : new Settled(new CreationResult.InProgress()));
  }

  private Mono<CreationResult> proceed(
      Caller.Merchant caller,
      String key,
      CreatePayment request,
      ProviderClient provider,
      PaymentId paymentId) {
    ProviderPaymentRequest call =
        new ProviderPaymentRequest(
            paymentId, caller.merchantId(), request.amount(), request.reference());
    return provider
        .createPayment(call)
        .flatMap(created -> complete(caller, key, paymentId, created))
        .onErrorResume(ProviderRefused.class, refused -> refused(caller, key, paymentId, refused))
        .onErrorResume(
            error -> !(error instanceof ProviderRefused),
            error ->
                keys.release(caller.merchantId(), key, clock.instant()).then(Mono.error(error)));
  }

  private Mono<CreationResult> complete(
      Caller.Merchant caller, String key, PaymentId paymentId, ProviderPayment created) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return payments
                  .setProviderReference(
                      paymentId, created.providerPaymentId(), created.redirectUrl(), now)
                  .then(reader.find(paymentId))
                  .flatMap(view -> answer(caller, key, 201, PaymentJson.view(view), now));
            })
        .as(transaction::transactional);
  }

  /**
   * The provider will never take this payment: it ends FAILED, and that is the key's answer (a
   * retry would be refused the same way).
   */
  private Mono<CreationResult> refused(
      Caller.Merchant caller, String key, PaymentId paymentId, ProviderRefused refused) {
    return Mono.defer(
            () -> {
              Instant now = clock.instant();
              return reader
                  .lock(paymentId)
                  .flatMap(
                      view ->
                          payments
                              .append(
                                  HistoryEntry.changed(
                                      paymentId,
                                      HistoryEntry.Event.PROVIDER_REFUSED,
                                      view.status(),
                                      PaymentStatus.FAILED,
                                      view.amount(),
                                      new Cause(
                                          CauseType.API,
                                          "provider:" + view.provider(),
                                          caller.actor()),
                                      now))
                              .then(
                                  payments.correct(
                                      paymentId, PaymentStatus.FAILED, view.amount().minor(), now)))
                  .then(
                      answer(
                          caller,
                          key,
                          422,
                          java.util.Map.of(
                              "reason", "provider_refused",
                              "detail", refused.getMessage(),
                              "payment_id", paymentId.value()),
                          now));
            })
        .as(transaction::transactional);
  }

  private Mono<CreationResult> answer(
      Caller.Merchant caller, String key, int status, Object json, Instant now) {
    String body = PaymentJson.write(json);
    return keys.complete(caller.merchantId(), key, status, body, now)
        .thenReturn(new CreationResult.Answer(status, body, false));
  }
}
