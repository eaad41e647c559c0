package com.paystream.gateway.payments;

import static com.paystream.gateway.payments.PaymentStatus.CANCELLED;
import static com.paystream.gateway.payments.PaymentStatus.CREATED;
import static com.paystream.gateway.payments.PaymentStatus.FAILED;
import static com.paystream.gateway.payments.PaymentStatus.PENDING;
import static com.paystream.gateway.payments.PaymentStatus.REFUNDED;
import static com.paystream.gateway.payments.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentStatusMachineTest {

  private static final MerchantId MERCHANT = new MerchantId("m-1");
  private static final Money AMOUNT = Money.of(1999, "EUR");

  private static PaymentState payment(PaymentStatus status) {
    return new PaymentState(new PaymentId("pay_1"), MERCHANT, AMOUNT, status);
  }

  private static StatusReport report(PaymentStatus status) {
    return new StatusReport(status, AMOUNT, MERCHANT);
  }

  @ParameterizedTest
  @CsvSource({
    "CREATED, PENDING",
    "CREATED, SUCCEEDED",
    "CREATED, FAILED",
    "CREATED, CANCELLED",
    "PENDING, SUCCEEDED",
    "PENDING, FAILED",
    "PENDING, CANCELLED",
    "SUCCEEDED, REFUNDED"
  })
  void movesAlongTheLifecycle(PaymentStatus from, PaymentStatus to) {
    StatusDecision decision = PaymentStatusMachine.decide(payment(from), report(to));

    assertThat(decision.moved()).isTrue();
    assertThat(decision.to()).isEqualTo(to);
    assertThat(decision.flags()).isEmpty();
  }

  @Test
  void latePendingAfterSucceededIsRecordedButDoesNotMoveBack() {
    StatusDecision decision = PaymentStatusMachine.decide(payment(SUCCEEDED), report(PENDING));

    assertThat(decision.moved()).isFalse();
    assertThat(decision.to()).isEqualTo(SUCCEEDED);
    assertThat(decision.reported()).isEqualTo(PENDING);
    assertThat(decision.flags()).containsExactly(StatusFlag.STALE);
    assertThat(decision.needsAttention()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "PENDING, CREATED",
    "FAILED, PENDING",
    "CANCELLED, CREATED",
    "REFUNDED, SUCCEEDED",
    "REFUNDED, PENDING"
  })
  void reportsBehindTheCurrentStatusAreStale(PaymentStatus current, PaymentStatus reported) {
    StatusDecision decision = PaymentStatusMachine.decide(payment(current), report(reported));

    assertThat(decision.moved()).isFalse();
    assertThat(decision.flags()).containsExactly(StatusFlag.STALE);
  }

  @Test
  void theSameStatusAgainIsRepeatedAndChangesNothing() {
    StatusDecision decision = PaymentStatusMachine.decide(payment(SUCCEEDED), report(SUCCEEDED));

    assertThat(decision.moved()).isFalse();
    assertThat(decision.flags()).containsExactly(StatusFlag.REPEATED);
  }

  @ParameterizedTest
  @CsvSource({
    "SUCCEEDED, FAILED",
    "SUCCEEDED, CANCELLED",
    "FAILED, SUCCEEDED",
    "CANCELLED, SUCCEEDED",
    "PENDING, REFUNDED",
    "FAILED, REFUNDED"
  })
  void contradictingAFinalOrUnreachedOutcomeNeedsAttention(
      PaymentStatus current, PaymentStatus reported) {
    StatusDecision decision = PaymentStatusMachine.decide(payment(current), report(reported));

    assertThat(decision.moved()).isFalse();
    assertThat(decision.flags()).containsExactly(StatusFlag.CONFLICTING_OUTCOME);
    assertThat(decision.needsAttention()).isTrue();
  }

  @Test
  void succeededForAnotherAmountIsFlaggedAndDoesNotMove() {
    StatusReport wrongAmount = new StatusReport(SUCCEEDED, Money.of(1500, "EUR"), MERCHANT);

    StatusDecision decision = PaymentStatusMachine.decide(payment(PENDING), wrongAmount);

    assertThat(decision.moved()).isFalse();
    assertThat(decision.to()).isEqualTo(PENDING);
    assertThat(decision.flags()).containsExactly(StatusFlag.AMOUNT_MISMATCH);
    assertThat(decision.needsAttention()).isTrue();
  }

  @Test
  void succeededInAnotherCurrencyIsAnAmountMismatch() {
    StatusReport wrongCurrency = new StatusReport(SUCCEEDED, Money.of(1999, "USD"), MERCHANT);

    StatusDecision decision = PaymentStatusMachine.decide(payment(CREATED), wrongCurrency);

    assertThat(decision.moved()).isFalse();
    assertThat(decision.flags()).containsExactly(StatusFlag.AMOUNT_MISMATCH);
  }

  @Test
  void failedForAnotherAmountMovesButIsFlagged() {
    StatusReport wrongAmount = new StatusReport(FAILED, Money.of(1, "EUR"), MERCHANT);

    StatusDecision decision = PaymentStatusMachine.decide(payment(PENDING), wrongAmount);

    assertThat(decision.moved()).isTrue();
    assertThat(decision.to()).isEqualTo(FAILED);
    assertThat(decision.flags()).containsExactly(StatusFlag.AMOUNT_MISMATCH);
  }

  @Test
  void aReportForAnotherMerchantNeverMovesThePayment() {
    StatusReport otherMerchant = new StatusReport(SUCCEEDED, AMOUNT, new MerchantId("m-2"));

    StatusDecision decision = PaymentStatusMachine.decide(payment(PENDING), otherMerchant);

    assertThat(decision.moved()).isFalse();
    assertThat(decision.flags()).containsExactly(StatusFlag.MERCHANT_MISMATCH);
  }

  @Test
  void refundedIsFinal() {
    assertThat(PaymentStatusMachine.canMove(REFUNDED, SUCCEEDED)).isFalse();
    assertThat(PaymentStatusMachine.canMove(CANCELLED, PENDING)).isFalse();
    assertThat(REFUNDED.isFinal()).isTrue();
  }
}
