package com.paystream.gateway.callbacks.persistence;

import com.paystream.gateway.callbacks.BatchPlan;
import com.paystream.gateway.callbacks.CallbackBatchWriter;
import com.paystream.gateway.callbacks.CallbackMessages;
import com.paystream.gateway.callbacks.RecordOutcome;
import com.paystream.gateway.callbacks.RecordedCallback;
import com.paystream.gateway.callbacks.ReimportWriter;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.callbacks.persistence.BatchStatements.Insertion;
import com.paystream.gateway.outbox.persistence.OutboxWakeup;
import com.paystream.gateway.payments.PaymentState;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.PaymentId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records a batch of callbacks in one transaction: the inbox rows first (the duplicate check, so a
 * duplicate touches nothing else) together with the row locks of their payments (so decisions about
 * one payment are taken one at a time, in commit order), then payments first heard of in a
 * callback, then the state machine's decisions and their consequences (payment status, history,
 * relay outbox). Either all of it commits or none of it does.
 *
 * <p>A callback for a payment we have never seen creates the payment from the callback's data
 * (origin CALLBACK): the money moved at the provider, so dropping it would make a lost order.
 *
 * <p>A re-import (after a restore) runs the same transaction for callbacks read back from the
 * topic, under the ids and times they were recorded with, and writes no outbox rows: they are
 * published.
 */
public class R2dbcCallbackBatchWriter implements CallbackBatchWriter, ReimportWriter {

  private final BatchStatements statements;
  private final CallbackMessages messages;
  private final TransactionalOperator transaction;
  private final Clock clock;
  private final OutboxWakeup wakeup;

  public R2dbcCallbackBatchWriter(
      BatchStatements statements,
      CallbackMessages messages,
      TransactionalOperator transaction,
      Clock clock,
      OutboxWakeup wakeup) {
    this.statements = statements;
    this.messages = messages;
    this.transaction = transaction;
    this.clock = clock;
    this.wakeup = wakeup;
  }

  @Override
  public Mono<List<RecordOutcome>> recordAll(List<VerifiedCallback> callbacks) {
    return Mono.defer(() -> write(identify(callbacks)))
        .as(transaction::transactional)
        .doOnNext(
            outcomes -> {
              if (outcomes.stream().anyMatch(RecordOutcome.Recorded.class::isInstance)) {
                wakeup.wake();
              }
            });
  }

  /**
   * The topic holds a callback once per publication (the relay re-publishes until the ledger
   * confirms), and two copies in one batch would both pass the inbox's insert as "new" under the
   * same callback id: each is kept once, first copy first.
   */
  @Override
  public Mono<Integer> reimport(List<RecordedCallback> callbacks) {
    Map<CallbackId, RecordedCallback> once = new LinkedHashMap<>();
    callbacks.forEach(callback -> once.putIfAbsent(callback.callbackId(), callback));
    List<RecordedCallback> distinct = List.copyOf(once.values());
    return Mono.defer(() -> write(distinct, false))
        .as(transaction::transactional)
        .map(
            outcomes ->
                (int) outcomes.stream().filter(RecordOutcome.Recorded.class::isInstance).count());
  }

  private List<RecordedCallback> identify(List<VerifiedCallback> callbacks) {
    Instant now = clock.instant();
    return callbacks.stream()
        .map(callback -> new RecordedCallback(new CallbackId(UUID.randomUUID()), callback, now))
        .toList();
  }

  private Mono<List<RecordOutcome>> write(List<RecordedCallback> batch) {
    return write(batch, true);
  }

  private Mono<List<RecordOutcome>> write(List<RecordedCallback> batch, boolean publish) {
    return statements
        .insertAndLock(batch)
        .flatMap(insertion -> withMissingPayments(batch, insertion))
        .flatMap(
            plan ->
                statements
                    .writeDecisions(
                        plan.paymentUpdates(), plan.history(), publish ? plan.outbox() : List.of())
                    .thenReturn(plan.outcomes()));
  }

  private Mono<BatchPlan> withMissingPayments(List<RecordedCallback> batch, Insertion insertion) {
    Map<PaymentId, RecordedCallback> missing = new LinkedHashMap<>();
    for (RecordedCallback recorded : batch) {
      PaymentId paymentId = recorded.callback().report().paymentId();
      if (insertion.inserted().contains(recorded.callbackId())
          && !insertion.payments().containsKey(paymentId)) {
        missing.putIfAbsent(paymentId, recorded);
      }
    }
    if (missing.isEmpty()) {
      return Mono.just(plan(batch, insertion.inserted(), insertion.payments(), Set.of()));
    }
    // A payment created concurrently by another transaction is waited for by the insert, then
    // simply locked: it was not created here.
    return statements
        .createPayments(missing.values())
        .flatMap(
            created ->
                statements
                    .lock(missing.keySet())
                    .map(
                        locked -> {
                          Map<PaymentId, PaymentState> all = new HashMap<>(insertion.payments());
                          all.putAll(locked);
                          return plan(batch, insertion.inserted(), all, created);
                        }));
  }

  private BatchPlan plan(
      List<RecordedCallback> batch,
      Set<CallbackId> inserted,
      Map<PaymentId, PaymentState> payments,
      Set<PaymentId> created) {
    return BatchPlan.of(batch, inserted, payments, created, messages);
  }
}
