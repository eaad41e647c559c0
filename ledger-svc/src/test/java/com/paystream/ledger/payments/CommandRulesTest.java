package com.paystream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.paystream.ledger.accounts.Side;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandRulesTest {

  private final PostingRules rules = new PostingRules(FeePolicy.flat(new FeeSchedule(100, 0)));
  private final PaymentPosition booked = booked(10_000);

  @Test
  void refundDebitsTheMerchantAndCreditsProviderClearing() {
    Decision.Post post = post(command(new CommandReceived.Refund("r-1", 4_000, "EUR")));

    assertThat(post.entry().type()).isEqualTo(EntryType.REFUND);
    assertThat(post.entry().postings())
        .extracting(p -> p.account().code(), PostingDraft::side, PostingDraft::amountMinor)
        .containsExactly(
            tuple("merchant:m-1:EUR", Side.DEBIT, 4_000L),
            tuple("provider-clearing:psp:EUR", Side.CREDIT, 4_000L));
    assertThat(post.positionAfter().refunded()).isEqualTo(Money.of(4_000, "EUR"));
  }

  @Test
  void refusesARefundBeyondWhatIsLeftToRefund() {
    PaymentPosition partlyRefunded = withRefunded(booked, 7_000);

    Decision decision =
        rules.decide(
            command(new CommandReceived.Refund("r-2", 3_001, "EUR")), Optional.of(partlyRefunded));

    assertRefused(decision, Refusal.REFUND_EXCEEDS_CAPTURED);
  }

  @Test
  void refusesARefundInAnotherCurrency() {
    assertRefused(
        rules.decide(command(new CommandReceived.Refund("r", 1, "USD")), Optional.of(booked)),
        Refusal.CURRENCY_MISMATCH);
  }

  @Test
  void aRefundBeforeThePaymentIsBookedIsRefusedAsRetryable() {
    Decision decision =
        rules.decide(command(new CommandReceived.Refund("r", 1, "EUR")), Optional.empty());

    assertRefused(decision, Refusal.PAYMENT_NOT_BOOKED);
    assertThat(((Decision.Refuse) decision).refusal().retryable()).isTrue();
  }

  @Test
  void refusesACommandThatNamesAnotherMerchantThanTheBooking() {
    CommandReceived other =
        new CommandReceived(
            UUID.randomUUID(),
            "pay-1",
            "m-2",
            "psp",
            "op",
            null,
            "",
            new CommandReceived.Refund("r", 1, "EUR"),
            meta());

    assertRefused(rules.decide(other, Optional.of(booked)), Refusal.REFERENCE_MISMATCH);
  }

  @Test
  void cancellationAfterBookingMirrorsTheBookingAndReferencesIt() {
    Decision.Post post = post(command(new CommandReceived.Cancellation(ReportedStatus.CANCELLED)));

    assertThat(post.entry().type()).isEqualTo(EntryType.REVERSAL);
    assertThat(post.entry().reversesEntryId()).isEqualTo(booked.bookingEntryId());
    assertThat(post.entry().postings())
        .extracting(p -> p.account().code(), PostingDraft::side, PostingDraft::amountMinor)
        .containsExactly(
            tuple("provider-clearing:psp:EUR", Side.CREDIT, 10_000L),
            tuple("merchant:m-1:EUR", Side.DEBIT, 9_900L),
            tuple("fee-revenue:EUR", Side.DEBIT, 100L));
    assertThat(post.positionAfter().state()).isEqualTo(PaymentPosition.State.REVERSED);
  }

  @Test
  void cancellationBeforeAnyBookingHasNoFinancialEffect() {
    assertThat(
            rules.decide(
                command(new CommandReceived.Cancellation(ReportedStatus.CANCELLED)),
                Optional.empty()))
        .isInstanceOf(Decision.NoFinancialEffect.class);
  }

  @Test
  void amendmentPostsTheCorrectedBookingThenTheMirrorOfTheOldOne() {
    Decision.Post post =
        post(command(new CommandReceived.Amendment(12_000, "EUR", ReportedStatus.SUCCEEDED)));

    assertThat(post.entry().type()).isEqualTo(EntryType.AMENDMENT);
    assertThat(post.entry().reversesEntryId()).isEqualTo(booked.bookingEntryId());
    assertThat(post.entry().requestedBy()).isEqualTo("operator-1");
    assertThat(post.entry().approvedBy()).isEqualTo("operator-2");
    assertThat(post.entry().reason()).isEqualTo("provider corrected the amount");
    assertThat(post.entry().postings())
        .extracting(p -> p.account().code(), PostingDraft::side, PostingDraft::amountMinor)
        .containsExactly(
            tuple("provider-clearing:psp:EUR", Side.DEBIT, 12_000L),
            tuple("merchant:m-1:EUR", Side.CREDIT, 11_880L),
            tuple("fee-revenue:EUR", Side.CREDIT, 120L),
            tuple("provider-clearing:psp:EUR", Side.CREDIT, 10_000L),
            tuple("merchant:m-1:EUR", Side.DEBIT, 9_900L),
            tuple("fee-revenue:EUR", Side.DEBIT, 100L));
    assertThat(post.entry().violation()).isEmpty();
    assertThat(post.positionAfter().gross()).isEqualTo(Money.of(12_000, "EUR"));
    assertThat(post.positionAfter().bookingEntryId()).isEqualTo(post.entry().id());
  }

  @Test
  void anAmendmentToWhatIsBookedHasNoFinancialEffect() {
    Decision decision =
        rules.decide(
            command(new CommandReceived.Amendment(10_000, "EUR", ReportedStatus.SUCCEEDED)),
            Optional.of(booked));

    assertThat(decision).isInstanceOf(Decision.NoFinancialEffect.class);
    assertThat(((Decision.NoFinancialEffect) decision).reason()).contains("changes nothing");
  }

  @Test
  void anAmendmentThatChangesOnlyTheFeeIsBooked() {
    PostingRules higherFee = new PostingRules(FeePolicy.flat(new FeeSchedule(200, 0)));

    Decision decision =
        higherFee.decide(
            command(new CommandReceived.Amendment(10_000, "EUR", ReportedStatus.SUCCEEDED)),
            Optional.of(booked));

    assertThat(decision).isInstanceOf(Decision.Post.class);
  }

  @Test
  void amendmentToFailedOnlyReversesTheBooking() {
    Decision.Post post =
        post(command(new CommandReceived.Amendment(0, "EUR", ReportedStatus.FAILED)));

    assertThat(post.entry().postings()).hasSize(3);
    assertThat(post.positionAfter().state()).isEqualTo(PaymentPosition.State.REVERSED);
  }

  @Test
  void amendmentWithoutAReasonIsRefused() {
    CommandReceived noReason =
        new CommandReceived(
            UUID.randomUUID(),
            "pay-1",
            "m-1",
            "psp",
            "op",
            null,
            " ",
            new CommandReceived.Amendment(1, "EUR", ReportedStatus.SUCCEEDED),
            meta());

    assertRefused(rules.decide(noReason, Optional.of(booked)), Refusal.MISSING_REASON);
  }

  @Test
  void supplementBooksAPaymentTheLedgerNeverSaw() {
    Decision decision =
        rules.decide(
            command(new CommandReceived.Supplement(5_000, "EUR", "stmt-7/line-3")),
            Optional.empty());

    Decision.Post post = (Decision.Post) decision;
    assertThat(post.entry().type()).isEqualTo(EntryType.SUPPLEMENT);
    assertThat(post.entry().postings()).hasSize(3);
    assertThat(post.positionAfter().gross()).isEqualTo(Money.of(5_000, "EUR"));
  }

  @Test
  void supplementOfABookedPaymentHasNoFinancialEffect() {
    assertThat(
            rules.decide(
                command(new CommandReceived.Supplement(5_000, "EUR", "stmt")), Optional.of(booked)))
        .isInstanceOf(Decision.NoFinancialEffect.class);
  }

  private Decision.Post post(CommandReceived command) {
    Decision decision = rules.decide(command, Optional.of(booked));
    assertThat(decision).isInstanceOf(Decision.Post.class);
    return (Decision.Post) decision;
  }

  private static void assertRefused(Decision decision, String code) {
    assertThat(decision).isInstanceOf(Decision.Refuse.class);
    assertThat(((Decision.Refuse) decision).refusal().code()).isEqualTo(code);
  }

  private static CommandReceived command(CommandReceived.Body body) {
    return new CommandReceived(
        UUID.randomUUID(),
        "pay-1",
        "m-1",
        "psp",
        "operator-1",
        "operator-2",
        "provider corrected the amount",
        body,
        meta());
  }

  private static MessageMeta meta() {
    return new MessageMeta(Instant.parse("2026-03-01T10:00:00Z"), "");
  }

  private static PaymentPosition booked(long grossMinor) {
    return new PaymentPosition(
        new PaymentId("pay-1"),
        "m-1",
        "psp",
        Money.of(grossMinor, "EUR"),
        Money.of(grossMinor / 100, "EUR"),
        Money.of(0, "EUR"),
        UUID.randomUUID(),
        PaymentPosition.State.BOOKED);
  }

  private static PaymentPosition withRefunded(PaymentPosition p, long refundedMinor) {
    return new PaymentPosition(
        p.paymentId(),
        p.merchantId(),
        p.provider(),
        p.gross(),
        p.fee(),
        new Money(refundedMinor, p.currency()),
        p.bookingEntryId(),
        p.state());
  }
}
