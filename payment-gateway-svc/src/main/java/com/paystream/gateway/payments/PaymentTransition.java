package com.paystream.gateway.payments;

/**
 * What a requested change of a payment comes to: the change its current status allows, or why it is
 * refused. Requests go through {@link PaymentChange}'s factories, so none can skip the check.
 */
public sealed interface PaymentTransition permits PaymentChange, PaymentTransition.Refused {

  /** Refused: by the payment's status, or because the request contradicts the payment. */
  record Refused(Because because, String why) implements PaymentTransition {}

  /** Why a transition is refused. */
  enum Because {
    /** The payment's status forbids it. */
    STATUS,
    /** The request contradicts the payment (another currency or merchant). */
    REQUEST,
    /** The request asks for what the payment is already: nothing would change. */
    NO_CHANGE
  }
}
