package com.paystream.gateway.payments;

import com.paystream.gateway.payments.HistoryEntry.Event;
import com.paystream.gateway.payments.PaymentTransition.Because;
import com.paystream.gateway.payments.PaymentTransition.Refused;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.money.Money;

/**
 * A change of a payment asked for through the API, as its current status allows it. The factories
 * are the only way to make one, and each refuses what the payment's status forbids.
 *
 * @param amount the payment's amount after the change
 * @param correction true for an operator's correction (amount may change, attention is closed);
 *     false for a lifecycle change (status only)
 * @param historyAmount the amount the history row states (the refund's, for a refund)
 */
public record PaymentChange(
    PaymentView before,
    PaymentStatus after,
    Money amount,
    boolean correction,
    Money historyAmount,
    Event event)
    implements PaymentTransition {

  /** Cancelling: only a payment the status machine may still move to CANCELLED. */
  public static PaymentTransition cancellation(PaymentView before) {
    if (!PaymentStatusMachine.canMove(before.status(), PaymentStatus.CANCELLED)) {
      return refusedByStatus("cancel", before);
    }
    return new PaymentChange(
        before, PaymentStatus.CANCELLED, before.amount(), false, before.amount(), Event.CANCELLED);
  }

  /**
   * A refund the provider took: always recorded (the money has moved), and the payment becomes
   * REFUNDED when {@code submittedMinor}, all refunds the provider took, is its whole amount and
   * the status machine allows it.
   */
  public static PaymentChange refund(PaymentView before, Money refund, long submittedMinor) {
    boolean full =
        submittedMinor == before.amount().minor()
            && PaymentStatusMachine.canMove(before.status(), PaymentStatus.REFUNDED);
    return new PaymentChange(
        before,
        full ? PaymentStatus.REFUNDED : before.status(),
        before.amount(),
        false,
        refund,
        Event.REFUNDED);
  }

  /** An operator's amendment of amount and/or status: any status, but never the currency. */
  public static PaymentTransition amendment(
      PaymentView before, Money amount, PaymentStatus status) {
    if (!amount.currency().equals(before.amount().currency())) {
      return new Refused(Because.REQUEST, "the currency of a payment cannot be amended");
    }
    if (amount.equals(before.amount()) && status == before.status()) {
      // A no-op would still write a history row and send the ledger a zero-net amendment.
      return new Refused(
          Because.NO_CHANGE,
          "payment "
              + before.paymentId()
              + " is already "
              + status
              + " for "
              + amount.minor()
              + " "
              + amount.currencyCode()
              + "; nothing to amend");
    }
    return new PaymentChange(before, status, amount, true, amount, Event.AMENDED);
  }

  /**
   * An operator's booking of a payment proven by evidence: of the same merchant and currency, and
   * not booked already (SUCCEEDED or REFUNDED). Evidence outranks what the status machine allows
   * for provider reports, so a FAILED or CANCELLED payment may be booked.
   */
  public static PaymentTransition supplement(
      PaymentView before, MerchantId merchant, Money amount) {
    if (!before.merchantId().equals(merchant)
        || !before.amount().currency().equals(amount.currency())) {
      return new Refused(Because.REQUEST, "the evidence names another merchant or currency");
    }
    if (before.status() == PaymentStatus.SUCCEEDED || before.status() == PaymentStatus.REFUNDED) {
      return new Refused(
          Because.STATUS,
          "payment " + before.paymentId() + " is booked already (" + before.status() + ")");
    }
    return new PaymentChange(
        before, PaymentStatus.SUCCEEDED, amount, true, amount, Event.SUPPLEMENTED);
  }

  private static Refused refusedByStatus(String what, PaymentView before) {
    return new Refused(
        Because.STATUS,
        "cannot " + what + " payment " + before.paymentId() + " in status " + before.status());
  }
}
