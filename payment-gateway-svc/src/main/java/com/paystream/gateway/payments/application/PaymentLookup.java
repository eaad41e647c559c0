package com.paystream.gateway.payments.application;

import com.paystream.gateway.payments.PaymentView;
import com.paystream.platform.ids.PaymentId;
import reactor.core.publisher.Mono;

/** Reading one payment, with or without its row lock (the port to the payments table). */
public interface PaymentLookup {

  Mono<PaymentView> find(PaymentId paymentId);

  /** Locks the payment's row until the transaction ends and reads it: changes are serialized. */
  Mono<PaymentView> lock(PaymentId paymentId);
}
