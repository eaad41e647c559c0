package com.paystream.recon.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.platform.money.Money;
import com.paystream.recon.matching.Direction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayoutReferencesTest {

  private final PayoutReferences payouts = PayoutReferences.DEFAULT;

  @Test
  void theDefaultPatternTakesProviderAndMerchantPayoutsOnly() {
    assertThat(payouts.matches("po_sim_EUR_20261204")).isTrue();
    assertThat(payouts.matches("mpo_0123456789abcdefghij-_KL")).isTrue();
    assertThat(payouts.matches("pay_0123")).isFalse();
    assertThat(payouts.matches("po_")).isFalse();
    assertThat(payouts.matches("xpo_sim")).isFalse();
    assertThat(payouts.matches("po_sim EUR")).isFalse();
    assertThat(payouts.matches("po_" + "x".repeat(62))).isFalse();
    assertThat(payouts.matches(null)).isFalse();
  }

  @Test
  void findsTheReferenceElseTheFirstMatchingWordOfTheDescription() {
    assertThat(payouts.find("po_a_EUR_1", "mpo_other")).contains("po_a_EUR_1");
    assertThat(payouts.find("NOTPROVIDED", "SEPA EREF+mpo_abc SVWZ+payout")).contains("mpo_abc");
    assertThat(payouts.find(null, "/EREF/po_b_USD_2/REMI/Payout b")).contains("po_b_USD_2");
    assertThat(payouts.find("pay-1", "Card payment, order 1")).isEmpty();
    assertThat(payouts.find(null, null)).isEmpty();
  }

  @Test
  void aBankLineOfAPayoutCarriesItsReferenceAndIsAPayoutUnlessTheBankSaidFee() {
    ParsedStatementFile file =
        new ParsedStatementFile(
            StatementFormat.CAMT053,
            List.of(
                line("1", "po_sim_EUR_20261204", Direction.CREDIT, LineKind.PAYMENT, ""),
                line("2", null, Direction.DEBIT, LineKind.FEE, "charge for mpo_abc"),
                line("3", "pay-1", Direction.CREDIT, LineKind.PAYMENT, "order 1")));

    List<StatementLineDraft> lines = payouts.recognise(file).lines();

    assertThat(lines.get(0).payoutReference()).isEqualTo("po_sim_EUR_20261204");
    assertThat(lines.get(0).paymentReference()).isEqualTo("po_sim_EUR_20261204");
    assertThat(lines.get(0).kind()).isEqualTo(LineKind.PAYOUT);
    assertThat(lines.get(1).payoutReference()).isEqualTo("mpo_abc");
    assertThat(lines.get(1).kind()).isEqualTo(LineKind.FEE);
    assertThat(lines.get(2).payoutReference()).isNull();
    assertThat(lines.get(2)).isEqualTo(file.lines().get(2));
  }

  @Test
  void anotherPatternIsConfigurableAndABrokenOneIsRefusedNamingTheProperty() {
    PayoutReferences custom = new PayoutReferences("^STL-[0-9]{6}$");

    assertThat(custom.matches("STL-123456")).isTrue();
    assertThat(custom.matches("po_sim_EUR_20261204")).isFalse();
    assertThatThrownBy(() -> new PayoutReferences("(po"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paystream.recon.payouts.reference-pattern");
  }

  private static StatementLineDraft line(
      String id, String reference, Direction direction, LineKind kind, String description) {
    return new StatementLineDraft(
        "S",
        id,
        StatementFormat.CAMT053,
        "DE89**3000",
        null,
        reference,
        direction,
        kind,
        Money.of(100, "EUR"),
        LocalDate.of(2026, 12, 7),
        null,
        description);
  }
}
