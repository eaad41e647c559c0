package com.paystream.gateway.statusquery;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.tracing.TraceParent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment whose status query is due, claimed by this instance under {@code claimToken}.
 *
 * @param provider whom to ask; empty when nobody knows (a lost order of an unknown payment)
 * @param paymentStatus the payment's current status at the gateway; empty when it has no row
 * @param attempts queries done so far
 * @param startedAt when querying this payment began (max age counts from here)
 * @param trigger the trace of the lost order that made it due, continued by the query; empty when
 *     nobody asked (the query starts its own trace)
 */
public record DueQuery(
    String paymentId,
    Optional<String> provider,
    QueryReason reason,
    int attempts,
    Instant startedAt,
    Optional<PaymentStatus> paymentStatus,
    UUID claimToken,
    Optional<TraceParent> trigger) {

  /** Why a payment is queried. */
  public enum QueryReason {
    OVERDUE,
    LOST_ORDER
  }

  /** True when the gateway already knows an outcome and nobody asked explicitly. */
  public boolean settledMeanwhile() {
    return reason == QueryReason.OVERDUE
        && paymentStatus.map(status -> !StatusMapping.isOpen(status)).orElse(false);
  }
}
