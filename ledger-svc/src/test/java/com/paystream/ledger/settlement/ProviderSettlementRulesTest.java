package com.paystream.ledger.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.paystream.ledger.accounts.AccountType;
import com.paystream.ledger.accounts.ChartOfAccounts;
import com.paystream.ledger.journal.EntryDraft;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.EntryType;
import com.paystream.ledger.journal.PostingDraft;
import com.paystream.ledger.journal.Refusal;
import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The provider payout's posting rule, line by line, for every kind of difference. */
class ProviderSettlementRulesTest {

  static final String BANK = "bank-cash:EUR";
  static final String FEES = "provider-fees:sim:EUR";
  static final String SUSPENSE = "suspense:EUR";
  static final String CLEARING = "provider-clearing:sim:EUR";

  /** A consistent payout: the bank amount is what the report and the differences say. */
  static ProviderPayout payout(
      long payments, long refunds, long fees, long chargebacks, long tolerated, long unexplained) {
    long bank = payments - refunds - fees - chargebacks + tolerated + unexplained;
    return withBank(bank, payments, refunds, fees, chargebacks, tolerated, unexplained);
  }

  static ProviderPayout withBank(
      long bank,
      long payments,
      long refunds,
      long fees,
      long chargebacks,
      long tolerated,
      long unexplained) {
    return new ProviderPayout(
        "po_sim_EUR_20261204",
        "sim",
        "EUR",
        LocalDate.of(2026, 12, 4),
        LocalDate.of(2026, 12, 5),
        bank,
        payments,
        refunds,
        fees,
        chargebacks,
        tolerated,
        unexplained,
        12,
        "bank-EUR-20261205",
        "line-3",
        unexplained == 0 ? null : "brk-1");
  }

  private static EntryDraft booked(ProviderPayout payout) {
    ProviderSettlementRules.Decision decision = ProviderSettlementRules.decide(payout);
    assertThat(decision).isInstanceOf(ProviderSettlementRules.Decision.Book.class);
    EntryDraft entry = ((ProviderSettlementRules.Decision.Book) decision).entry();
    assertThat(entry.violation()).isEmpty();
    return entry;
  }

  private static Tuple[] lines(EntryDraft entry) {
    return entry.postings().stream()
        .map(p -> tuple(p.account().code(), p.side().name(), p.amountMinor()))
        .toArray(Tuple[]::new);
  }

  private static Refusal refused(ProviderPayout payout) {
    ProviderSettlementRules.Decision decision = ProviderSettlementRules.decide(payout);
    assertThat(decision).isInstanceOf(ProviderSettlementRules.Decision.Refuse.class);
    return ((ProviderSettlementRules.Decision.Refuse) decision).refusal();
  }

  @Test
  void aPayoutOfPaymentsLessFeesDebitsBankAndFeesAndCreditsClearing() {
    EntryDraft entry = booked(payout(10_000, 0, 300, 0, 0, 0));

    assertThat(lines(entry))
        .containsExactly(
            tuple(BANK, "DEBIT", 9_700L),
            tuple(FEES, "DEBIT", 300L),
            tuple(CLEARING, "CREDIT", 10_000L));
    assertThat(entry.type()).isEqualTo(EntryType.PROVIDER_SETTLEMENT);
    assertThat(entry.paymentId()).isNull();
    assertThat(entry.reason()).isNull();
  }

  @Test
  void refundsNettedInThePayoutLowerWhatLeavesClearing() {
    assertThat(lines(booked(payout(10_000, 2_000, 300, 0, 0, 0))))
        .containsExactly(
            tuple(BANK, "DEBIT", 7_700L),
            tuple(FEES, "DEBIT", 300L),
            tuple(CLEARING, "CREDIT", 8_000L));
  }

  @Test
  void aShortPayoutWithinTheToleranceIsOneMoreFee() {
    assertThat(lines(booked(payout(10_000, 0, 300, 0, -2, 0))))
        .containsExactly(
            tuple(BANK, "DEBIT", 9_698L),
            tuple(FEES, "DEBIT", 302L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void anOverPayoutWithinTheToleranceIsOneFeeLess() {
    assertThat(lines(booked(payout(10_000, 0, 300, 0, 2, 0))))
        .containsExactly(
            tuple(BANK, "DEBIT", 9_702L),
            tuple(FEES, "DEBIT", 298L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void anOverPayoutBeyondTheFeesCreditsTheFeeExpense() {
    assertThat(lines(booked(payout(10_000, 0, 0, 0, 5, 0))))
        .containsExactly(
            tuple(BANK, "DEBIT", 10_005L),
            tuple(FEES, "CREDIT", 5L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void anUnexplainedShortfallIsDebitedToSuspenseAndNamesItsBreak() {
    EntryDraft entry = booked(payout(10_000, 0, 300, 0, 0, -500));

    assertThat(lines(entry))
        .containsExactly(
            tuple(BANK, "DEBIT", 9_200L),
            tuple(FEES, "DEBIT", 300L),
            tuple(SUSPENSE, "DEBIT", 500L),
            tuple(CLEARING, "CREDIT", 10_000L));
    assertThat(entry.description()).contains("po_sim_EUR_20261204", "break brk-1");
    assertThat(entry.reason()).contains("unexplained difference -500", "brk-1");
  }

  @Test
  void anUnexplainedExcessIsCreditedToSuspense() {
    assertThat(lines(booked(payout(10_000, 0, 300, 0, 0, 500))))
        .containsExactly(
            tuple(BANK, "DEBIT", 10_200L),
            tuple(FEES, "DEBIT", 300L),
            tuple(SUSPENSE, "CREDIT", 500L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void chargebacksWaitInSuspense() {
    assertThat(lines(booked(payout(10_000, 0, 300, 1_000, 0, 0))))
        .containsExactly(
            tuple(BANK, "DEBIT", 8_700L),
            tuple(FEES, "DEBIT", 300L),
            tuple(SUSPENSE, "DEBIT", 1_000L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void chargebacksOffsetByAnUnexplainedExcessLeaveNoSuspenseLine() {
    assertThat(lines(booked(payout(10_000, 0, 300, 500, 0, 500))))
        .containsExactly(
            tuple(BANK, "DEBIT", 9_700L),
            tuple(FEES, "DEBIT", 300L),
            tuple(CLEARING, "CREDIT", 10_000L));
  }

  @Test
  void aNegativePayoutCreditsBankCashAndDebitsClearing() {
    assertThat(lines(booked(payout(1_000, 3_000, 100, 0, 0, 0))))
        .containsExactly(
            tuple(BANK, "CREDIT", 2_100L),
            tuple(FEES, "DEBIT", 100L),
            tuple(CLEARING, "DEBIT", 2_000L));
  }

  @Test
  void aNegativePayoutWithChargebacksAndAShortfall() {
    assertThat(lines(booked(payout(500, 200, 50, 1_000, -1, -20))))
        .containsExactly(
            tuple(BANK, "CREDIT", 771L),
            tuple(FEES, "DEBIT", 51L),
            tuple(SUSPENSE, "DEBIT", 1_020L),
            tuple(CLEARING, "CREDIT", 300L));
  }

  @Test
  void aPayoutOfNothingOnTheBankStillMovesClearingToFees() {
    assertThat(lines(booked(payout(300, 0, 300, 0, 0, 0))))
        .containsExactly(tuple(FEES, "DEBIT", 300L), tuple(CLEARING, "CREDIT", 300L));
  }

  @Test
  void aPayoutThatMovesNothingBooksNothing() {
    assertThat(ProviderSettlementRules.decide(payout(500, 500, 0, 0, 0, 0)))
        .isInstanceOf(ProviderSettlementRules.Decision.NoMovement.class);
  }

  @Test
  void theEntryIdIsDerivedFromKindAndSettlementId() {
    ProviderSettlementRules.Decision.Book first =
        (ProviderSettlementRules.Decision.Book)
            ProviderSettlementRules.decide(payout(10_000, 0, 300, 0, 0, 0));
    ProviderSettlementRules.Decision.Book again =
        (ProviderSettlementRules.Decision.Book)
            ProviderSettlementRules.decide(payout(10_000, 0, 300, 0, 0, 0));

    UUID expected =
        UUID.nameUUIDFromBytes(
            "settlement:PROVIDER_PAYOUT:po_sim_EUR_20261204".getBytes(StandardCharsets.UTF_8));
    assertThat(first.sourceId()).isEqualTo(expected);
    assertThat(first.entry().id()).isEqualTo(EntryIds.forSource(expected));
    assertThat(again.entry().id()).isEqualTo(first.entry().id());
  }

  @Test
  void theDescriptionNamesThePayoutItsBankLineAndDates() {
    assertThat(booked(payout(10_000, 0, 300, 0, 0, 0)).description())
        .isEqualTo(
            "provider payout po_sim_EUR_20261204 of sim EUR for 2026-12-04 (12 lines),"
                + " value 2026-12-05, bank line bank-EUR-20261205/line-3");
  }

  @Test
  void aBankAmountOtherThanTheReportAndItsDifferencesSayIsRefusedAsUnbalanced() {
    Refusal refusal = refused(withBank(9_000, 10_000, 0, 300, 0, 0, 0));

    assertThat(refusal.code()).isEqualTo(Refusal.UNBALANCED);
    assertThat(refusal.reason()).contains("bank amount 9000", "= 9700");
  }

  @Test
  void negativeSumsOfTheReportAreRefused() {
    assertThat(refused(payout(-10_000, 0, 0, 0, 0, 0)).code()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(refused(payout(10_000, -1, 0, 0, 0, 0)).code()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(refused(payout(10_000, 0, -1, 0, 0, 0)).code()).isEqualTo(Refusal.INVALID_AMOUNT);
    assertThat(refused(payout(10_000, 0, 0, -1, 0, 0)).code()).isEqualTo(Refusal.INVALID_AMOUNT);
  }

  @Test
  void anUnknownCurrencyIsRefused() {
    ProviderPayout good = payout(10_000, 0, 300, 0, 0, 0);
    ProviderPayout bad =
        new ProviderPayout(
            good.settlementId(),
            good.provider(),
            "EURO",
            good.businessDate(),
            good.valueDate(),
            good.bankAmountMinor(),
            good.paymentsMinor(),
            good.refundsMinor(),
            good.feesMinor(),
            good.chargebacksMinor(),
            good.toleratedMinor(),
            good.unexplainedMinor(),
            good.lineCount(),
            null,
            null,
            null);

    assertThat(refused(bad).code()).isEqualTo(Refusal.INVALID_CURRENCY);
  }

  @Test
  void aPayoutWithoutProviderOrReferenceIsRefused() {
    ProviderPayout good = payout(10_000, 0, 300, 0, 0, 0);

    assertThat(refused(renamed(good, "", "sim")).code()).isEqualTo(Refusal.INVALID_REFERENCE);
    assertThat(refused(renamed(good, null, "sim")).code()).isEqualTo(Refusal.INVALID_REFERENCE);
    assertThat(refused(renamed(good, "po_x", null)).code()).isEqualTo(Refusal.INVALID_REFERENCE);
    assertThat(refused(renamed(good, "po_x", "a b")).code()).isEqualTo(Refusal.INVALID_REFERENCE);
  }

  @Test
  void amountsBeyondSixtyFourBitsAreRefused() {
    Refusal refusal = refused(withBank(0, Long.MAX_VALUE, 0, 0, 0, 1, 0));

    assertThat(refusal.code()).isEqualTo(Refusal.AMOUNT_OUT_OF_RANGE);
  }

  @Test
  void theNewAccountsFollowTheChart() {
    var fees = ChartOfAccounts.providerFees("sim", Money.currency("EUR"));
    assertThat(fees.code()).isEqualTo(FEES);
    assertThat(fees.type()).isEqualTo(AccountType.EXPENSE);
    assertThat(fees.overdraftAllowed()).isTrue();
    assertThat(ChartOfAccounts.bankCash(Money.currency("EUR")).overdraftAllowed()).isTrue();
    assertThat(
            booked(payout(10_000, 0, 300, 0, 0, 0)).postings().stream()
                .map(PostingDraft::account)
                .map(a -> a.currency().getCurrencyCode()))
        .containsOnly("EUR");
  }

  private static ProviderPayout renamed(ProviderPayout p, String settlementId, String provider) {
    return new ProviderPayout(
        settlementId,
        provider,
        p.currencyCode(),
        p.businessDate(),
        p.valueDate(),
        p.bankAmountMinor(),
        p.paymentsMinor(),
        p.refundsMinor(),
        p.feesMinor(),
        p.chargebacksMinor(),
        p.toleratedMinor(),
        p.unexplainedMinor(),
        p.lineCount(),
        null,
        null,
        null);
  }
}
