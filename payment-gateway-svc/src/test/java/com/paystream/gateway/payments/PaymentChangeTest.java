package com.paystream.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentChangeTest {

  private static PaymentView payment(long amountMinor, PaymentStatus status) {
    Instant now = Instant.parse("2026-01-31T12:00:00Z");
    return new PaymentView(
        new PaymentId("pay_1"),
        new MerchantId("m-1"),
        "simulator",
        Optional.empty(),
        Money.of(amountMinor, "EUR"),
        Money.of(0, "EUR"),
        status,
        Optional.empty(),
        NewPayment.Origin.API,
        Optional.empty(),
        Optional.empty(),
        now,
        now);
  }

  @Test
  void anAmendmentIdenticalToThePaymentIsRefusedAsNoChange() {
    PaymentTransition transition =
        PaymentChange.amendment(
            payment(1999, PaymentStatus.SUCCEEDED), Money.of(1999, "EUR"), PaymentStatus.SUCCEEDED);

    assertThat(transition)
        .isInstanceOfSatisfying(
            PaymentTransition.Refused.class,
            refused ->
                assertThat(refused.because()).isEqualTo(PaymentTransition.Because.NO_CHANGE));
  }

  @Test
  void anAmendmentOfTheAmountOrTheStatusAloneIsAChange() {
    PaymentView before = payment(1999, PaymentStatus.SUCCEEDED);

    assertThat(PaymentChange.amendment(before, Money.of(1500, "EUR"), PaymentStatus.SUCCEEDED))
        .isInstanceOf(PaymentChange.class);
    assertThat(PaymentChange.amendment(before, Money.of(1999, "EUR"), PaymentStatus.FAILED))
        .isInstanceOf(PaymentChange.class);
  }
}
