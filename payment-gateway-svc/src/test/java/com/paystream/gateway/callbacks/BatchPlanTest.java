package com.paystream.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.outbox.OutboxMessage;
import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.PaymentState;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.StatusFlag;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

  private static final Instant NOW = Instant.parse("2026-01-31T12:00:01Z");
  private static final CallbackMessages MESSAGES =
      recorded ->
          new OutboxMessage(
              recorded.callbackId().value(),
              "payments.callbacks.v1",
              recorded.callback().report().paymentId().value(),
              new byte[0],
              "");

  private static RecordedCallback recorded(String eventId, String paymentId, PaymentStatus status) {
    return recorded(eventId, paymentId, status, 1999);
  }

  private static RecordedCallback recorded(
      String eventId, String paymentId, PaymentStatus status, long amountMinor) {
    return new RecordedCallback(
        new CallbackId(UUID.randomUUID()),
        Callbacks.callback(eventId, paymentId, status, amountMinor, new byte[1]),
        NOW);
  }

  private static PaymentState state(String paymentId, PaymentStatus status) {
    return new PaymentState(
        new PaymentId(paymentId), new MerchantId("m-1"), Money.of(1999, "EUR"), status);
  }

  private static Set<CallbackId> all(List<RecordedCallback> batch) {
    return Set.copyOf(batch.stream().map(RecordedCallback::callbackId).toList());
  }

  @Test
  void callbacksForOnePaymentAreDecidedInArrivalOrderEachSeeingTheLast() {
    List<RecordedCallback> batch =
        List.of(
            recorded("e1", "pay_1", PaymentStatus.PENDING),
            recorded("e2", "pay_1", PaymentStatus.SUCCEEDED),
            recorded("e3", "pay_1", PaymentStatus.PENDING));

    BatchPlan plan =
        BatchPlan.of(
            batch,
            all(batch),
            Map.of(new PaymentId("pay_1"), state("pay_1", PaymentStatus.CREATED)),
            Set.of(),
            MESSAGES);

    assertThat(plan.history())
        .extracting(h -> h.from().orElseThrow() + ">" + h.to() + " " + h.flags())
        .containsExactly(
            "CREATED>PENDING []", "PENDING>SUCCEEDED []", "SUCCEEDED>SUCCEEDED [STALE]");
    assertThat(plan.paymentUpdates()).hasSize(1);
    assertThat(plan.paymentUpdates().get(0).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(plan.paymentUpdates().get(0).decisions()).isEqualTo(3);
    assertThat(plan.outbox())
        .extracting(OutboxMessage::messageId)
        .containsExactlyElementsOf(batch.stream().map(r -> r.callbackId().value()).toList());
  }

  @Test
  void duplicatesStoreNothingAndAnswerDuplicate() {
    RecordedCallback fresh = recorded("e1", "pay_1", PaymentStatus.SUCCEEDED);
    RecordedCallback again = recorded("e1", "pay_1", PaymentStatus.SUCCEEDED);

    BatchPlan plan =
        BatchPlan.of(
            List.of(fresh, again),
            Set.of(fresh.callbackId()),
            Map.of(new PaymentId("pay_1"), state("pay_1", PaymentStatus.PENDING)),
            Set.of(),
            MESSAGES);

    assertThat(plan.outcomes().get(0)).isInstanceOf(RecordOutcome.Recorded.class);
    assertThat(plan.outcomes().get(1)).isEqualTo(new RecordOutcome.Duplicate("simulator", "e1"));
    assertThat(plan.history()).hasSize(1);
    assertThat(plan.outbox()).hasSize(1);
  }

  @Test
  void aPaymentCreatedFromACallbackGetsItsCreationRowBeforeTheFirstReport() {
    List<RecordedCallback> batch =
        List.of(
            recorded("e1", "pay_new", PaymentStatus.PENDING),
            recorded("e2", "pay_new", PaymentStatus.SUCCEEDED));

    BatchPlan plan =
        BatchPlan.of(
            batch,
            all(batch),
            Map.of(new PaymentId("pay_new"), state("pay_new", PaymentStatus.CREATED)),
            Set.of(new PaymentId("pay_new")),
            MESSAGES);

    assertThat(plan.history())
        .extracting(HistoryEntry::event)
        .containsExactly(
            HistoryEntry.Event.CREATED,
            HistoryEntry.Event.STATUS_REPORTED,
            HistoryEntry.Event.STATUS_REPORTED);
    assertThat(plan.outcomes())
        .extracting(o -> ((RecordOutcome.Recorded) o).paymentCreated())
        .containsExactly(true, false);
  }

  @Test
  void theFirstAttentionReasonIsKeptForThePayment() {
    List<RecordedCallback> batch =
        List.of(
            recorded("e1", "pay_1", PaymentStatus.SUCCEEDED, 1500),
            recorded("e2", "pay_1", PaymentStatus.FAILED));

    BatchPlan plan =
        BatchPlan.of(
            batch,
            all(batch),
            Map.of(new PaymentId("pay_1"), state("pay_1", PaymentStatus.PENDING)),
            Set.of(),
            MESSAGES);

    PaymentUpdate update = plan.paymentUpdates().get(0);
    assertThat(update.attention()).contains(StatusFlag.AMOUNT_MISMATCH);
    assertThat(update.status()).isEqualTo(PaymentStatus.FAILED);
  }
}
