package com.paystream.gateway.refunds;

import com.paystream.platform.ids.PaymentId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where refunds are kept (the port to their table). */
public interface RefundStore {

  Mono<Refund> find(String refundId);

  /** The sum of the refunds the provider took. */
  Mono<Long> submittedTotal(PaymentId paymentId);

  /** Stores a REQUESTED refund: its amount is reserved from now on. */
  Mono<Void> insert(Refund refund, Instant at);

  /** Stores a settled refund if it is still REQUESTED; emits false if a racing retry settled it. */
  Mono<Boolean> settle(Refund settled, Instant at);
}
