package com.paystream.gateway.payments.application;

import com.paystream.gateway.payments.PaymentView;
import com.paystream.gateway.payments.Refund;
import java.util.Optional;

/** What a change request (cancel, refund, amendment, supplement) came to. */
public sealed interface ChangeResult {

  /** Done now or before (a repeated request): the payment as it is, and the refund if any. */
  record Done(PaymentView payment, Optional<Refund> refund) implements ChangeResult {}

  /** Declined, with why: nothing was changed. */
  record Declined(Reason reason, String detail) implements ChangeResult {}

  /** Why a change was declined. */
  enum Reason {
    /** No such payment, or not the caller's. */
    NOT_FOUND,
    /** The payment's status does not allow it (e.g. refunding a payment not succeeded). */
    INVALID_STATE,
    /** The refund is more than what is left to refund. */
    EXCEEDS_REFUNDABLE,
    /** The idempotency key was used for another request. */
    KEY_REUSED,
    /** The request contradicts the payment (e.g. another currency or merchant). */
    INVALID_REQUEST,
    /** The provider said no. */
    PROVIDER_REFUSED,
    /** The provider could not be asked; retry with the same key. */
    PROVIDER_UNAVAILABLE
  }

  static ChangeResult declined(Reason reason, String detail) {
    return new Declined(reason, detail);
  }
}
