package com.paystream.gateway.payments.application;

import com.paystream.gateway.payments.PaymentTransition;
import com.paystream.gateway.payments.PaymentView;
import com.paystream.platform.ids.PaymentId;

/** What a change of a payment (cancellation, amendment, supplement) came to. */
public sealed interface ChangeResult {

  /** Done now or before (a repeated request): the payment as it is. */
  record Done(PaymentView payment) implements ChangeResult {}

  /** Declined, with why: nothing was changed. */
  record Declined(Reason reason, String detail) implements ChangeResult {}

  /** Why a change was declined. */
  enum Reason {
    /** No such payment, or not the caller's. */
    NOT_FOUND,
    /** The payment's status does not allow it (e.g. cancelling a payment that succeeded). */
    INVALID_STATE,
    /** The request contradicts the payment (e.g. another currency or merchant). */
    INVALID_REQUEST,
    /** The change asks for what the payment already is: nothing would change. */
    NO_CHANGE,
    /** The provider said no. */
    PROVIDER_REFUSED,
    /** The provider could not be asked; retry with the same key. */
    PROVIDER_UNAVAILABLE
  }

  static ChangeResult declined(Reason reason, String detail) {
    return new Declined(reason, detail);
  }

  /** A refused transition, declined for the reason it was refused. */
  static ChangeResult declined(PaymentTransition.Refused refused) {
    return new Declined(
        switch (refused.because()) {
          case STATUS -> Reason.INVALID_STATE;
          case REQUEST -> Reason.INVALID_REQUEST;
          case NO_CHANGE -> Reason.NO_CHANGE;
        },
        refused.why());
  }

  static ChangeResult notFound(PaymentId paymentId) {
    return new Declined(Reason.NOT_FOUND, "payment " + paymentId + " not found");
  }
}
