package com.paystream.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.journal.Refusal;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.FeeSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private final BatchPlanner planner =
      new BatchPlanner(new PostingRules(FeePolicy.flat(new FeeSchedule(100, 10))));
  private long offset;

  @Test
  void booksASuccessAndRecordsThePosition() {
    InboundRecord success = readable(success("pay-1", 1_000));

    BatchPlan plan = plan(List.of(success), Set.of());

    assertThat(plan.entries()).hasSize(1);
    assertThat(plan.entries().get(0).postings()).hasSize(3);
    assertThat(plan.changedPositions())
        .extracting(p -> p.paymentId())
        .containsExactly(new PaymentId("pay-1"));
    assertThat(plan.changedAccounts()).hasSize(3);
    assertThat(plan.applied().get(0).outcome()).isInstanceOf(Outcome.Posted.class);
  }

  @Test
  void appliesTheSameCallbackTwiceInOneBatchOnce() {
    CallbackReceived callback = success("pay-1", 1_000);

    BatchPlan plan = plan(List.of(readable(callback), readable(callback)), Set.of());

    assertThat(plan.entries()).hasSize(1);
    assertThat(plan.applied().get(1).outcome()).isInstanceOf(Outcome.Duplicate.class);
    assertThat(plan.firstTime()).hasSize(1);
  }

  @Test
  void skipsWhatAnEarlierBatchApplied() {
    CallbackReceived callback = success("pay-1", 1_000);

    BatchPlan plan = plan(List.of(readable(callback)), Set.of(callback.callbackId()));

    assertThat(plan.entries()).isEmpty();
    assertThat(plan.firstTime()).isEmpty();
    assertThat(plan.changedAccounts()).isEmpty();
  }

  @Test
  void aSecondSuccessForAPaymentBookedEarlierInTheBatchHasNoFinancialEffect() {
    BatchPlan plan =
        plan(
            List.of(readable(success("pay-1", 1_000)), readable(success("pay-1", 1_000))),
            Set.of());

    assertThat(plan.entries()).hasSize(1);
    assertThat(plan.applied().get(1).outcome()).isInstanceOf(Outcome.NoFinancialEffect.class);
  }

  @Test
  void deadLettersUnreadableRecordsAndKeepsGoing() {
    InboundRecord garbage =
        new InboundRecord.Unreadable(
            source(), new Refusal("NOT_CONFLUENT_FRAMING", "garbage"), null, "pay-x");

    BatchPlan plan = plan(List.of(garbage, readable(success("pay-2", 500))), Set.of());

    assertThat(plan.applied().get(0).outcome()).isInstanceOf(Outcome.DeadLettered.class);
    assertThat(plan.applied().get(1).outcome()).isInstanceOf(Outcome.Posted.class);
    assertThat(garbage.sourceEventId()).isEqualTo(garbage.source().positionId());
  }

  @Test
  void balancesAfterFollowTheBatchOrderOnTheSharedClearingAccount() {
    BatchPlan plan =
        plan(
            List.of(
                readable(success("pay-1", 1_000)),
                readable(success("pay-2", 2_000)),
                readable(success("pay-3", 3_000))),
            Set.of());

    assertThat(plan.entries())
        .extracting(e -> e.postings().get(0).balanceAfterMinor())
        .containsExactly(1_000L, 3_000L, 6_000L);
    assertThat(plan.entries())
        .extracting(e -> e.postings().get(0).accountSequence())
        .containsExactly(1L, 2L, 3L);
  }

  private BatchPlan plan(List<InboundRecord> records, Set<UUID> processed) {
    List<AccountState> accounts = new ArrayList<>();
    for (AccountSpec spec : planner.accountDemand(records, Map.of())) {
      accounts.add(AccountState.opened(spec));
    }
    return planner.plan(
        records, new BatchInput(processed, Map.of(), accounts, AT, LocalDate.parse("2026-03-01")));
  }

  private InboundRecord readable(CallbackReceived callback) {
    return new InboundRecord.Readable(source(), callback);
  }

  private SourceRef source() {
    return new SourceRef("payments.callbacks.v1", 0, offset++, null, new byte[] {1});
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
}
