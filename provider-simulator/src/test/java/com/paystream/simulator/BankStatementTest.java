package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our bank's statement: payouts in (or out), merchant payouts out, their returns in. */
class BankStatementTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
  private static final String MPO = "mpo_AbCdEfGhIjKlMnOpQrStUvWx";

  private final Books books = new Books();
  private final Payouts payouts = books.payouts(5);
  private final Bank bank = new Bank(payouts);

  @Test
  void fridaysPayoutArrivesOnMondaysStatementWithTheMerchantPayoutsBookedThatDay() {
    books.pay(MONDAY.minusDays(3), "EUR", 10_000);
    bank.book(BankLine.merchantPayout(MONDAY, "EUR", 4_000, MPO));
    bank.book(BankLine.merchantPayoutReturned(MONDAY, "EUR", 4_000, MPO));
    bank.book(BankLine.merchantPayout(MONDAY.plusDays(1), "EUR", 1, MPO));

    BankStatement statement = bank.statement(MONDAY);

    assertThat(statement.lines())
        .extracting(BankLine::reference, BankLine::signedAmountMinor, BankLine::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "po_sim_EUR_20261204", 9_900L, BankLine.Type.PROVIDER_PAYOUT),
            org.assertj.core.groups.Tuple.tuple(MPO, -4_000L, BankLine.Type.MERCHANT_PAYOUT),
            org.assertj.core.groups.Tuple.tuple(
                MPO, 4_000L, BankLine.Type.MERCHANT_PAYOUT_RETURNED));
    assertThat(statement.statementId("EUR")).isEqualTo("BANK-20261207-EUR");
  }

  @Test
  void camt053CarriesTheReferenceAsEndToEndIdAndInTheRemittanceInformation() {
    BankStatement statement =
        new BankStatement(MONDAY, List.of(BankLine.merchantPayout(MONDAY, "EUR", 4_000, MPO)));

    String camt = statement.camt053();

    assertThat(camt)
        .contains("camt.053.001.08")
        .contains("EndToEndId>" + MPO + "</")
        .contains("Ustrd>" + MPO + " Merchant payout</")
        .contains("CdtDbtInd>DBIT</")
        .contains("Cd>ICDT</");
  }

  @Test
  void mt940CarriesAShortReferenceInTheSixtyOneAndEveryReferenceInTheEightySix() {
    BankStatement statement =
        new BankStatement(
            MONDAY,
            List.of(
                new BankLine(
                    MONDAY,
                    MONDAY,
                    "EUR",
                    500,
                    "po_x_EUR_1",
                    "Payout x",
                    BankLine.Type.PROVIDER_PAYOUT),
                BankLine.merchantPayout(MONDAY, "EUR", 200, MPO)));

    String mt940 = statement.mt940();

    assertThat(mt940)
        .contains(":61:2612071207C5,00NTRFpo_x_EUR_1//0001")
        .contains(":86:/EREF/po_x_EUR_1/REMI/Payout x")
        .contains(":61:2612071207D2,00NTRFNONREF//0002")
        .contains(":86:/EREF/" + MPO + "/REMI/Merchant payout")
        .contains(":62F:C261207EUR3,00");
  }

  @Test
  void refusesALineOfAnotherDateAndLinesWithoutMoneyOrWithABadReference() {
    assertThatThrownBy(
            () ->
                new BankStatement(
                    MONDAY, List.of(BankLine.merchantPayout(MONDAY.plusDays(1), "EUR", 1, MPO))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankLine.merchantPayout(MONDAY, "EUR", 0, MPO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankLine.merchantPayout(MONDAY, "EUR", 1, "mpo_with space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BankLine.merchantPayout(MONDAY, "EUR", 1, "mpo_" + "x".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withAddsTransfersAfterTheStatementsOwnLines() {
    BankStatement empty = new BankStatement(MONDAY, List.of());

    BankStatement more = empty.with(BankLine.merchantPayout(MONDAY, "USD", 300, MPO));

    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.camt053()).doesNotContain(":Stmt>");
    assertThat(more.lines()).hasSize(1);
  }
}
