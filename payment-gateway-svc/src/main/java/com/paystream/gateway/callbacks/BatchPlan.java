package com.paystream.gateway.callbacks;

import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.HistoryEntry.Cause;
import com.paystream.gateway.payments.HistoryEntry.CauseType;
import com.paystream.gateway.payments.PaymentState;
import com.paystream.gateway.payments.PaymentStatusMachine;
import com.paystream.gateway.payments.StatusDecision;
import com.paystream.gateway.payments.StatusFlag;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.PaymentId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one batch of callbacks writes, decided in memory once the inbox has said which are new
 * and the payments are locked: per callback the state machine's decision (callbacks for the same
 * payment in the order they came, each seeing the status the previous one left), the history rows,
 * the relay's outbox rows in that same order, and the final state of every payment touched.
 *
 * @param outcomes one per callback, in the order of the callbacks
 */
public record BatchPlan(
    List<RecordOutcome> outcomes,
    List<HistoryEntry> history,
    List<OutboxMessage> outbox,
    List<PaymentUpdate> paymentUpdates) {

  /**
   * @param recorded the batch, in arrival order
   * @param inserted the callbacks the inbox took as new (the others are duplicates)
   * @param payments the locked state of every payment a new callback is about
   * @param created the payments this batch created from a callback
   */
  public static BatchPlan of(
      List<RecordedCallback> recorded,
      Set<CallbackId> inserted,
      Map<PaymentId, PaymentState> payments,
      Set<PaymentId> created,
      CallbackMessages messages) {
    Map<PaymentId, PaymentState> current = new LinkedHashMap<>(payments);
    Map<PaymentId, PaymentUpdate> updates = new LinkedHashMap<>();
    List<RecordOutcome> outcomes = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    List<OutboxMessage> outbox = new ArrayList<>();
    for (RecordedCallback callback : recorded) {
      if (!inserted.contains(callback.callbackId())) {
        outcomes.add(duplicate(callback));
        continue;
      }
      ProviderReport report = callback.callback().report();
      PaymentId paymentId = report.paymentId();
      PaymentState state = current.get(paymentId);
      if (state == null) {
        throw new IllegalStateException("payment " + paymentId + " was neither locked nor created");
      }
      boolean createdHere = created.contains(paymentId) && !updates.containsKey(paymentId);
      if (createdHere) {
        history.add(
            HistoryEntry.created(
                paymentId, report.amount(), cause(callback), callback.recordedAt()));
      }
      StatusDecision decision = PaymentStatusMachine.decide(state, report.statusReport());
      history.add(
          HistoryEntry.reported(
              paymentId, decision, report.amount(), cause(callback), callback.recordedAt()));
      outbox.add(messages.toOutbox(callback));
      outcomes.add(new RecordOutcome.Recorded(callback.callbackId(), decision, createdHere));
      current.put(
          paymentId,
          new PaymentState(paymentId, state.merchantId(), state.amount(), decision.to()));
      updates.merge(paymentId, update(callback, decision), BatchPlan::combine);
    }
    return new BatchPlan(outcomes, history, outbox, List.copyOf(updates.values()));
  }

  /** True when at least one callback was new, i.e. the outbox has something to publish. */
  public boolean recordedAny() {
    return !outbox.isEmpty();
  }

  private static PaymentUpdate update(RecordedCallback callback, StatusDecision decision) {
    Optional<StatusFlag> attention =
        decision.flags().stream().filter(StatusFlag::needsAttention).sorted().findFirst();
    ProviderReport report = callback.callback().report();
    return new PaymentUpdate(
        report.paymentId(),
        decision.to(),
        attention,
        report.providerPaymentId(),
        callback.recordedAt(),
        1);
  }

  /** Later decisions set the status; the first attention reason and provider id are kept. */
  private static PaymentUpdate combine(PaymentUpdate earlier, PaymentUpdate later) {
    return new PaymentUpdate(
        earlier.paymentId(),
        later.status(),
        earlier.attention().or(later::attention),
        earlier.providerPaymentId().or(later::providerPaymentId),
        later.at(),
        earlier.decisions() + later.decisions());
  }

  private static RecordOutcome duplicate(RecordedCallback callback) {
    return new RecordOutcome.Duplicate(
        callback.callback().provider(), callback.callback().providerEventId());
  }

  private static Cause cause(RecordedCallback callback) {
    return new Cause(
        CauseType.CALLBACK,
        callback.callbackId().toString(),
        "provider:" + callback.callback().provider());
  }
}
