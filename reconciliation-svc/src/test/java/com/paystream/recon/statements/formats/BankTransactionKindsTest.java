package com.paystream.recon.statements.formats;

import static com.paystream.recon.matching.Direction.CREDIT;
import static com.paystream.recon.matching.Direction.DEBIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.recon.statements.LineKind;
import org.junit.jupiter.api.Test;

class BankTransactionKindsTest {

  @Test
  void mt940TransferInIsAPaymentAndTransferOutAPayout() {
    assertThat(BankTransactionKinds.mt940("NTRF", CREDIT, false)).isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.mt940("NTRF", DEBIT, false)).isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.mt940("S103", DEBIT, false)).isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.mt940("FSTO", DEBIT, false)).isEqualTo(LineKind.PAYOUT);
  }

  @Test
  void mt940ChargesAndCommissionsAreFeesEitherWay() {
    assertThat(BankTransactionKinds.mt940("NCHG", DEBIT, false)).isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.mt940("NCOM", DEBIT, false)).isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.mt940("NCHG", CREDIT, false)).isEqualTo(LineKind.FEE);
  }

  @Test
  void mt940ReversalsAndReturnsOutAreRefundsAndBackInAreOther() {
    assertThat(BankTransactionKinds.mt940("NTRF", DEBIT, true)).isEqualTo(LineKind.REFUND);
    assertThat(BankTransactionKinds.mt940("NRTI", DEBIT, false)).isEqualTo(LineKind.REFUND);
    assertThat(BankTransactionKinds.mt940("NTRF", CREDIT, true)).isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.mt940("NRTI", CREDIT, false)).isEqualTo(LineKind.OTHER);
  }

  @Test
  void mt940InterestIsNoPaymentButAMiscellaneousCreditMayBe() {
    assertThat(BankTransactionKinds.mt940("NINT", CREDIT, false)).isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.mt940("NMSC", CREDIT, false)).isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.mt940("NMSC", DEBIT, false)).isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.mt940("????", CREDIT, false)).isEqualTo(LineKind.PAYMENT);
  }

  @Test
  void isoFamiliesAndSubFamiliesDecide() {
    assertThat(BankTransactionKinds.iso20022("PMNT", "RCDT", "ESCT", null, CREDIT))
        .isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.iso20022("PMNT", "ICDT", "ESCT", null, DEBIT))
        .isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.iso20022("PMNT", "CCRD", "CHRG", null, DEBIT))
        .isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.iso20022("ACMT", "MDOP", "FEES", null, DEBIT))
        .isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.iso20022("PMNT", "RCDT", "RRTN", null, DEBIT))
        .isEqualTo(LineKind.REFUND);
    assertThat(BankTransactionKinds.iso20022("PMNT", "ICDT", "RRTN", null, CREDIT))
        .isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.iso20022("CAMT", "ACCB", "SWEP", null, DEBIT))
        .isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.iso20022("ACMT", "MCOP", "INTR", null, CREDIT))
        .isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.iso20022("SECU", "SETT", "TRAD", null, CREDIT))
        .isEqualTo(LineKind.OTHER);
  }

  @Test
  void isoProprietaryCodeIsReadAsASwiftCodeWhenItLooksLikeOne() {
    assertThat(BankTransactionKinds.iso20022(null, null, null, "NCHG+808", DEBIT))
        .isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.iso20022(null, null, null, "NTRF+166", DEBIT))
        .isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.iso20022(null, null, null, "166", CREDIT))
        .isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.iso20022(null, null, null, null, DEBIT))
        .isEqualTo(LineKind.OTHER);
  }

  @Test
  void bai2TypeCodesGiveDirectionAndKind() {
    assertThat(BankTransactionKinds.bai2Direction(142)).isEqualTo(CREDIT);
    assertThat(BankTransactionKinds.bai2Direction(495)).isEqualTo(DEBIT);
    assertThat(BankTransactionKinds.bai2Direction(15)).isNull();
    assertThat(BankTransactionKinds.bai2Direction(901)).isNull();
    assertThat(BankTransactionKinds.bai2(142)).isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.bai2(195)).isEqualTo(LineKind.PAYMENT);
    assertThat(BankTransactionKinds.bai2(166)).isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.bai2(495)).isEqualTo(LineKind.PAYOUT);
    assertThat(BankTransactionKinds.bai2(698)).isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.bai2(661)).isEqualTo(LineKind.FEE);
    assertThat(BankTransactionKinds.bai2(555)).isEqualTo(LineKind.REFUND);
    assertThat(BankTransactionKinds.bai2(257)).isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.bai2(354)).isEqualTo(LineKind.OTHER);
    assertThat(BankTransactionKinds.bai2(475)).isEqualTo(LineKind.OTHER);
    assertThatThrownBy(() -> BankTransactionKinds.bai2(15))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
