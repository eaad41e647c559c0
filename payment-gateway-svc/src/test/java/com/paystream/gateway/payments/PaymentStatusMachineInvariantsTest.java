package com.paystream.gateway.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The machine's input space is finite, so its invariants are checked exhaustively rather than by
 * sampling: every status a payment can be in, against every status, amount and merchant a report
 * can carry (right, wrong amount, wrong currency, wrong merchant), and every sequence of three such
 * reports.
 */
class PaymentStatusMachineInvariantsTest {

  private static final MerchantId MERCHANT = new MerchantId("m-1");
  private static final Money AMOUNT = Money.of(1999, "EUR");

  private static List<StatusReport> allReports() {
    List<StatusReport> reports = new ArrayList<>();
    for (PaymentStatus status : PaymentStatus.values()) {
      reports.add(new StatusReport(status, AMOUNT, MERCHANT));
      reports.add(new StatusReport(status, Money.of(1500, "EUR"), MERCHANT));
      reports.add(new StatusReport(status, Money.of(1999, "USD"), MERCHANT));
      reports.add(new StatusReport(status, AMOUNT, new MerchantId("m-2")));
    }
    return reports;
  }

  private static PaymentState payment(PaymentStatus status) {
    return new PaymentState(new PaymentId("pay_1"), MERCHANT, AMOUNT, status);
  }

  @Test
  void everyDecisionEitherFollowsALegalTransitionOrSaysWhyNot() {
    for (PaymentStatus current : PaymentStatus.values()) {
      for (StatusReport report : allReports()) {
        StatusDecision decision = PaymentStatusMachine.decide(payment(current), report);

        assertThat(decision.from()).isEqualTo(current);
        assertThat(decision.reported()).isEqualTo(report.status());
        if (decision.moved()) {
          assertThat(PaymentStatusMachine.canMove(current, decision.to())).isTrue();
          assertThat(decision.to()).isEqualTo(report.status());
        } else {
          assertThat(decision.to()).isEqualTo(current);
          assertThat(decision.flags()).as("%s after %s", report, current).isNotEmpty();
        }
      }
    }
  }

  @Test
  void moneyMovesOnlyForTheExactAmountOfTheRightMerchant() {
    for (PaymentStatus current : PaymentStatus.values()) {
      for (StatusReport report : allReports()) {
        StatusDecision decision = PaymentStatusMachine.decide(payment(current), report);

        if (decision.moved() && decision.to().movesMoney()) {
          assertThat(report.amount()).isEqualTo(AMOUNT);
          assertThat(report.merchantId()).isEqualTo(MERCHANT);
        }
        if (!report.merchantId().equals(MERCHANT)) {
          assertThat(decision.moved()).isFalse();
          assertThat(decision.needsAttention()).isTrue();
        }
      }
    }
  }

  @Test
  void noSequenceOfReportsMovesAPaymentBackwardsOrOutOfAFinalStatus() {
    List<StatusReport> reports = allReports();
    for (StatusReport first : reports) {
      for (StatusReport second : reports) {
        for (StatusReport third : reports) {
          PaymentState payment = payment(PaymentStatus.CREATED);
          for (StatusReport report : List.of(first, second, third)) {
            StatusDecision decision = PaymentStatusMachine.decide(payment, report);
            if (decision.moved()) {
              assertThat(decision.from().isFinal()).isFalse();
              assertThat(decision.to().isBehind(decision.from())).isFalse();
            }
            payment = payment(decision.to());
          }
        }
      }
    }
  }
}
