package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.CommandReceived;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.platform.money.FeeSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Commands that overtake their payment: parked, then applied right after it is booked. */
class BatchPlannerParkingTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final String CALLBACKS = "payments.callbacks.v1";
  private static final String COMMANDS = "payments.commands.v1";

  private final BatchPlanner planner =
      new BatchPlanner(new PostingRules(FeePolicy.flat(new FeeSchedule(100, 10))));
  private long offset;

  @Test
  void parksARefundOfAPaymentNotBookedYetWithoutADedupeRecord() {
    InboundRecord refund = command(refund("pay-1", 300));

    BatchPlan plan = plan(List.of(refund), List.of());

    assertThat(plan.applied()).singleElement().satisfies(a -> assertParkedNotBooked(a.outcome()));
    assertThat(plan.parked()).hasSize(1);
    assertThat(plan.processed()).isEmpty();
    assertThat(plan.firstTime()).as("still answered with a dead letter").hasSize(1);
    assertThat(plan.entries()).isEmpty();
  }

  @Test
  void appliesARefundParkedEarlierInThisBatchRightAfterItsPaymentIsBooked() {
    InboundRecord refund = command(refund("pay-1", 300));
    InboundRecord success = callback(success("pay-1", 1_000));

    BatchPlan plan = plan(List.of(refund, success), List.of());

    assertThat(plan.entries())
        .extracting(e -> e.draft().type())
        .containsExactly(EntryType.PAYMENT, EntryType.REFUND);
    assertThat(plan.entries().get(1).id()).isEqualTo(EntryIds.forSource(refund.sourceEventId()));
    assertThat(plan.processed())
        .extracting(a -> a.record().sourceEventId())
        .containsExactly(success.sourceEventId(), refund.sourceEventId());
    assertThat(plan.parked()).extracting(AppliedRecord::record).containsExactly(refund);
  }

  @Test
  void appliesCommandsParkedInEarlierBatchesInTheOrderTheyWereConsumed() {
    InboundRecord.Readable first = command(refund("pay-1", 300));
    InboundRecord.Readable second = command(refund("pay-1", 200));
    InboundRecord success = callback(success("pay-1", 1_000));

    BatchPlan plan = plan(List.of(success), List.of(second, first));

    assertThat(plan.applied())
        .extracting(a -> a.record().sourceEventId())
        .containsExactly(success.sourceEventId(), first.sourceEventId(), second.sourceEventId());
    assertThat(plan.entries())
        .extracting(e -> e.draft().type())
        .containsExactly(EntryType.PAYMENT, EntryType.REFUND, EntryType.REFUND);
    assertThat(plan.parked()).isEmpty();
  }

  @Test
  void aParkedCommandRefusedForAnotherReasonWhenAppliedIsDeadLettered() {
    InboundRecord.Readable tooMuch = command(refund("pay-1", 5_000));

    BatchPlan plan = plan(List.of(callback(success("pay-1", 1_000))), List.of(tooMuch));

    assertThat(plan.applied().get(1).outcome())
        .isInstanceOfSatisfying(
            Outcome.DeadLettered.class,
            d -> assertThat(d.refusal().code()).isEqualTo(Refusal.REFUND_EXCEEDS_CAPTURED));
    assertThat(plan.processed()).hasSize(2);
  }

  @Test
  void aReDeliveryAfterTheParkedCommandWasAppliedIsADuplicate() {
    CommandReceived refund = refund("pay-1", 300);
    InboundRecord.Readable parked = command(refund);

    BatchPlan plan =
        plan(List.of(callback(success("pay-1", 1_000)), command(refund)), List.of(parked));

    assertThat(plan.applied().get(2).outcome()).isInstanceOf(Outcome.Duplicate.class);
    assertThat(plan.entries()).hasSize(2);
  }

  @Test
  void aReDeliveryWhileParkedIsADuplicateAndTheParkedCommandKeepsItsPlace() {
    CommandReceived refund = refund("pay-1", 300);
    InboundRecord.Readable parked = command(refund);
    InboundRecord again = command(refund);

    BatchPlan plan = plan(List.of(again, callback(success("pay-1", 1_000))), List.of(parked));

    assertThat(plan.applied().get(0).outcome()).isInstanceOf(Outcome.Duplicate.class);
    assertThat(plan.applied().get(2).record()).isSameAs(parked);
    assertThat(plan.applied().get(2).outcome()).isInstanceOf(Outcome.Posted.class);
    assertThat(plan.entries()).hasSize(2);
    assertThat(plan.parked()).isEmpty();
  }

  @Test
  void aSecondSuccessOfABookedPaymentAppliesNothingParked() {
    InboundRecord.Readable parked = command(refund("pay-1", 300));

    BatchPlan plan =
        plan(
            List.of(callback(success("pay-1", 1_000)), callback(success("pay-1", 1_000))),
            List.of(parked));

    assertThat(plan.entries()).hasSize(2);
    assertThat(plan.applied()).hasSize(3);
  }

  @Test
  void aSupplementBooksThePaymentAndAppliesItsParkedRefund() {
    InboundRecord.Readable parked = command(refund("pay-1", 300));

    BatchPlan plan = plan(List.of(command(supplement("pay-1", 1_000))), List.of(parked));

    assertThat(plan.entries())
        .extracting(e -> e.draft().type())
        .containsExactly(EntryType.SUPPLEMENT, EntryType.REFUND);
  }

  @Test
  void keepsThemParkedWhenTheBatchIsToldToAndStillTakesAReDeliveryForADuplicate() {
    CommandReceived refund = refund("pay-1", 300);
    InboundRecord.Readable parked = command(refund);

    BatchPlan plan =
        plan(List.of(callback(success("pay-1", 1_000)), command(refund)), List.of(parked), false);

    assertThat(plan.entries()).extracting(e -> e.draft().type()).containsExactly(EntryType.PAYMENT);
    assertThat(plan.applied().get(1).outcome()).isInstanceOf(Outcome.Duplicate.class);
  }

  private static void assertParkedNotBooked(Outcome outcome) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            Outcome.Parked.class,
            p -> {
              assertThat(p.refusal().code()).isEqualTo(Refusal.PAYMENT_NOT_BOOKED);
              assertThat(p.refusal().retryable()).isTrue();
            });
  }

  private BatchPlan plan(List<InboundRecord> records, List<InboundRecord.Readable> parked) {
    return plan(records, parked, true);
  }

  private BatchPlan plan(
      List<InboundRecord> records, List<InboundRecord.Readable> parked, boolean applyParked) {
    List<AccountState> accounts = new ArrayList<>();
    for (AccountSpec spec : planner.accountDemand(records, parked, Map.of())) {
      accounts.add(AccountState.opened(spec));
    }
    return planner.plan(
        records,
        new BatchInput(
            Set.of(), Map.of(), accounts, AT, LocalDate.parse("2026-03-01"), parked, applyParked));
  }

  private InboundRecord.Readable callback(CallbackReceived callback) {
    return new InboundRecord.Readable(
        new SourceRef(CALLBACKS, 0, offset++, null, new byte[] {1}), callback);
  }

  private InboundRecord.Readable command(CommandReceived command) {
    return new InboundRecord.Readable(
        new SourceRef(COMMANDS, 0, offset++, null, new byte[] {2}), command);
  }

  private static CallbackReceived success(String paymentId, long amountMinor) {
    return new CallbackReceived(
        UUID.randomUUID(),
        paymentId,
        "m-1",
        "psp",
        ReportedStatus.SUCCEEDED,
        amountMinor,
        "EUR",
        new MessageMeta(AT, ""));
  }

  private static CommandReceived refund(String paymentId, long amountMinor) {
    return command(paymentId, "", new CommandReceived.Refund("r-1", amountMinor, "EUR"));
  }

  private static CommandReceived supplement(String paymentId, long amountMinor) {
    return command(
        paymentId,
        "seen on the statement",
        new CommandReceived.Supplement(amountMinor, "EUR", "stmt-1/line-1"));
  }

  private static CommandReceived command(
      String paymentId, String reason, CommandReceived.Body body) {
    return new CommandReceived(
        UUID.randomUUID(),
        paymentId,
        "m-1",
        "psp",
        "operator-1",
        null,
        reason,
        body,
        new MessageMeta(AT, ""));
  }
}
