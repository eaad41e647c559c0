package com.paystream.gateway.refunds;

import com.paystream.gateway.payments.PaymentView;

/** What a refund request came to. */
public sealed interface RefundResult {

  /** Done now or before (a repeated request): the payment as it is, and the refund. */
  record Done(PaymentView payment, Refund refund) implements RefundResult {}

  /** Declined, with why: nothing was changed. */
  record Declined(Reason reason, String detail) implements RefundResult, RefundReservation {}

  /** Why a refund was declined. */
  enum Reason {
    /** No such payment, or not the caller's. */
    NOT_FOUND,
    /** The payment's status does not allow it (a payment not succeeded). */
    INVALID_STATE,
    /** The refund is more than what is left to refund. */
    EXCEEDS_REFUNDABLE,
    /** The idempotency key was used for another refund. */
    KEY_REUSED,
    /** The request contradicts the payment (another currency). */
    INVALID_REQUEST,
    /** The provider said no. */
    PROVIDER_REFUSED,
    /** The provider could not be asked; retry with the same key. */
    PROVIDER_UNAVAILABLE
  }
}
