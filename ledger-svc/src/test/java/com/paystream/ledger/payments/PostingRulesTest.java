package com.paystream.ledger.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountType;
import com.paystream.ledger.accounts.Side;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.money.FeeSchedule;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostingRulesTest {

  private final PostingRules rules =
      new PostingRules(
          new FeePolicy(new FeeSchedule(150, 0), Map.of("m-vip", new FeeSchedule(0, 0))));

  @Test
  void succeededCallbackDebitsClearingAndCreditsMerchantAndFeeRevenue() {
    CallbackReceived callback = callback(ReportedStatus.SUCCEEDED, 10_000, "EUR", "m-1");

    Decision.Post post = (Decision.Post) rules.decide(callback, Optional.empty());

    EntryDraft entry = post.entry();
    assertThat(entry.type()).isEqualTo(EntryType.PAYMENT);
    assertThat(entry.id()).isEqualTo(EntryIds.forSource(callback.callbackId()));
    assertThat(entry.postings())
        .extracting(p -> p.account().code(), PostingDraft::side, PostingDraft::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "provider-clearing:simulator:EUR", Side.DEBIT, 10_000L),
            org.assertj.core.groups.Tuple.tuple("merchant:m-1:EUR", Side.CREDIT, 9_850L),
            org.assertj.core.groups.Tuple.tuple("fee-revenue:EUR", Side.CREDIT, 150L));
    assertThat(entry.violation()).isEmpty();
    assertThat(entry.postings().get(1).account().type()).isEqualTo(AccountType.LIABILITY);
    assertThat(entry.postings().get(1).account().overdraftAllowed()).isFalse();
  }

  @Test
  void succeededCallbackRecordsThePaymentPosition() {
    CallbackReceived callback = callback(ReportedStatus.SUCCEEDED, 10_000, "EUR", "m-1");

    Decision.Post post = (Decision.Post) rules.decide(callback, Optional.empty());

    PaymentPosition position = post.positionAfter();
    assertThat(position.gross()).isEqualTo(Money.of(10_000, "EUR"));
    assertThat(position.fee()).isEqualTo(Money.of(150, "EUR"));
    assertThat(position.refunded()).isEqualTo(Money.of(0, "EUR"));
    assertThat(position.bookingEntryId()).isEqualTo(post.entry().id());
    assertThat(position.state()).isEqualTo(PaymentPosition.State.BOOKED);
  }

  @Test
  void zeroFeeOmitsTheFeePostingAndStillBalances() {
    CallbackReceived callback = callback(ReportedStatus.SUCCEEDED, 10_000, "EUR", "m-vip");

    Decision.Post post = (Decision.Post) rules.decide(callback, Optional.empty());

    assertThat(post.entry().postings())
        .extracting(p -> p.account().code())
        .containsExactly("provider-clearing:simulator:EUR", "merchant:m-vip:EUR");
    assertThat(post.entry().violation()).isEmpty();
  }

  @Test
  void feeRoundsHalfUpToTheMinorUnit() {
    // 150 bp of 33 = 0.495 -> 0; of 100 = 1.5 -> 2.
    assertThat(feeOf(33)).isZero();
    assertThat(feeOf(100)).isEqualTo(2);
  }

  @Test
  void secondSuccessForABookedPaymentHasNoFinancialEffect() {
    CallbackReceived first = callback(ReportedStatus.SUCCEEDED, 10_000, "EUR", "m-1");
    PaymentPosition booked =
        ((Decision.Post) rules.decide(first, Optional.empty())).positionAfter();
    CallbackReceived second =
        new CallbackReceived(
            UUID.randomUUID(),
            first.paymentId(),
            "m-1",
            "simulator",
            ReportedStatus.SUCCEEDED,
            10_000,
            "EUR",
            first.meta());

    Decision decision = rules.decide(second, Optional.of(booked));

    assertThat(decision).isInstanceOf(Decision.NoFinancialEffect.class);
    assertThat(((Decision.NoFinancialEffect) decision).reason()).contains("already booked");
  }

  @Test
  void statusesThatMoveNoMoneyHaveNoFinancialEffect() {
    for (ReportedStatus status :
        new ReportedStatus[] {
          ReportedStatus.CREATED,
          ReportedStatus.PENDING,
          ReportedStatus.FAILED,
          ReportedStatus.CANCELLED,
          ReportedStatus.REFUNDED
        }) {
      assertThat(rules.decide(callback(status, 0, "EUR", "m-1"), Optional.empty()))
          .as(status.name())
          .isInstanceOf(Decision.NoFinancialEffect.class);
    }
  }

  @Test
  void refusesAStatusItCannotRead() {
    assertRefused(callback(ReportedStatus.UNKNOWN, 100, "EUR", "m-1"), Refusal.UNKNOWN_STATUS);
  }

  @Test
  void refusesSuccessWithoutPositiveAmount() {
    assertRefused(callback(ReportedStatus.SUCCEEDED, 0, "EUR", "m-1"), Refusal.INVALID_AMOUNT);
    assertRefused(callback(ReportedStatus.SUCCEEDED, -5, "EUR", "m-1"), Refusal.INVALID_AMOUNT);
  }

  @Test
  void refusesSuccessInAnUnknownCurrency() {
    assertRefused(callback(ReportedStatus.SUCCEEDED, 100, "XYZ", "m-1"), Refusal.INVALID_CURRENCY);
    assertRefused(callback(ReportedStatus.SUCCEEDED, 100, "eur", "m-1"), Refusal.INVALID_CURRENCY);
  }

  @Test
  void refusesSuccessWithABlankMerchant() {
    assertRefused(callback(ReportedStatus.SUCCEEDED, 100, "EUR", " "), Refusal.INVALID_REFERENCE);
  }

  @Test
  void namesTheAccountsASuccessCanTouchAndNoneForOtherStatuses() {
    assertThat(
            rules.accountsFor(
                callback(ReportedStatus.SUCCEEDED, 100, "EUR", "m-1"), Optional.empty()))
        .extracting(a -> a.code())
        .containsExactlyInAnyOrder(
            "provider-clearing:simulator:EUR", "merchant:m-1:EUR", "fee-revenue:EUR");
    assertThat(
            rules.accountsFor(
                callback(ReportedStatus.PENDING, 100, "EUR", "m-1"), Optional.empty()))
        .isEmpty();
  }

  private long feeOf(long amountMinor) {
    Decision.Post post =
        (Decision.Post)
            rules.decide(
                callback(ReportedStatus.SUCCEEDED, amountMinor, "EUR", "m-1"), Optional.empty());
    return post.positionAfter().fee().minor();
  }

  private void assertRefused(CallbackReceived callback, String code) {
    Decision decision = rules.decide(callback, Optional.empty());
    assertThat(decision).isInstanceOf(Decision.Refuse.class);
    assertThat(((Decision.Refuse) decision).refusal().code()).isEqualTo(code);
  }

  static CallbackReceived callback(
      ReportedStatus status, long amountMinor, String currency, String merchant) {
    return new CallbackReceived(
        UUID.randomUUID(),
        "pay-" + UUID.randomUUID(),
        merchant,
        "simulator",
        status,
        amountMinor,
        currency,
        new MessageMeta(Instant.parse("2026-03-01T10:00:00Z"), "trace-1"));
  }
}
