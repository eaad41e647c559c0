package com.paystream.gateway.payments.application;

import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.NewPayment;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.ids.PaymentId;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Writing payments and their append-only history (the port to the payments tables). */
public interface PaymentUpdates {

  /** Creates the payment unless it exists; emits true when this call created it. */
  Mono<Boolean> createIfAbsent(NewPayment payment, Instant at);

  Mono<Void> insertRequested(
      NewPayment payment, Optional<String> reference, String createdBy, Instant at);

  Mono<Void> setProviderReference(
      PaymentId paymentId, String providerPaymentId, String redirectUrl, Instant at);

  Mono<Void> moveStatus(PaymentId paymentId, PaymentStatus status, Instant at);

  /** An operator's correction: status and amount, and the payment's attention is closed. */
  Mono<Void> correct(PaymentId paymentId, PaymentStatus status, long amountMinor, Instant at);

  Mono<Void> append(HistoryEntry entry);
}
