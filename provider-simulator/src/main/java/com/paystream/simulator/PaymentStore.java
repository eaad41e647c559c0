package com.paystream.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's payments and refunds, each created once per idempotency key (the gateway's payment
 * id for a payment, the {@code Idempotency-Key} header for a refund); the money they move goes on
 * the {@link StatementLines}.
 */
final class PaymentStore {

  private final Map<String, SimulatedPayment> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByPaymentId = new ConcurrentHashMap<>();
  private final Map<String, String> refundsByKey = new ConcurrentHashMap<>();
  private final StatementLines statement;
  private final Clock clock;

  PaymentStore(StatementLines statement, Clock clock) {
    this.statement = statement;
    this.clock = clock;
  }

  /**
   * The provider's payment for the gateway's {@code paymentId}, created {@code PENDING} on the
   * first request and the same one on every repeat.
   */
  SimulatedPayment create(String paymentId, String merchantId, long amountMinor, String currency) {
    String id =
        idByPaymentId.computeIfAbsent(
            paymentId,
            p -> {
              String newId = "psp_" + UUID.randomUUID().toString().replace("-", "");
              byId.put(
                  newId,
                  new SimulatedPayment(
                      newId, p, merchantId, amountMinor, currency, "PENDING", 1, clock.instant()));
              return newId;
            });
    return byId.get(id);
  }

  /** By the provider's own id. */
  Optional<SimulatedPayment> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** By the gateway's payment id. */
  Optional<SimulatedPayment> byPaymentId(String paymentId) {
    return Optional.ofNullable(idByPaymentId.get(paymentId)).map(byId::get);
  }

  /**
   * The payment takes {@code status}, for {@code capturedAmountMinor} when present; a {@code
   * SUCCEEDED} one with money goes on the statement. Empty for an unknown payment.
   */
  Optional<SimulatedPayment> settle(
      String paymentId, String status, OptionalLong capturedAmountMinor) {
    String id = idByPaymentId.get(paymentId);
    if (id == null) {
      return Optional.empty();
    }
    SimulatedPayment settled =
        byId.computeIfPresent(
            id,
            (k, p) ->
                capturedAmountMinor.isPresent()
                    ? p.withCapture(status, capturedAmountMinor.getAsLong(), clock.instant())
                    : p.withStatus(status, clock.instant()));
    if ("SUCCEEDED".equals(status) && settled.amountMinor() > 0) {
      statement.book(settled, settled.id(), settled.amountMinor(), false);
    }
    return Optional.of(settled);
  }

  /**
   * Refunds {@code amountMinor} of the payment once per idempotency key, booking the refund on the
   * statement when it is made; answers the refund's id.
   */
  String refund(SimulatedPayment payment, String idempotencyKey, long amountMinor) {
    return refundsByKey.computeIfAbsent(
        idempotencyKey,
        k -> {
          String id = "re_" + UUID.randomUUID().toString().replace("-", "");
          statement.book(
              payment.withStatus(payment.status(), clock.instant()), id, amountMinor, true);
          return id;
        });
  }

  /** Cancels the payment (whatever its status: the caller refuses a succeeded one). */
  void cancel(String id) {
    byId.computeIfPresent(id, (k, p) -> p.withStatus("CANCELLED", clock.instant()));
  }
}
