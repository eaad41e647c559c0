package com.paystream.simulator;

import java.time.Instant;

/** One payment as the simulated provider holds it; a new instance per state change. */
public record SimulatedPayment(
    String id,
    String paymentId,
    String merchantId,
    long amountMinor,
    String currency,
    String status,
    int version,
    Instant updatedAt) {

  SimulatedPayment withStatus(String newStatus, Instant at) {
    return new SimulatedPayment(
        id, paymentId, merchantId, amountMinor, currency, newStatus, version + 1, at);
  }

  /** Settled for the amount actually captured, which may differ from the one ordered. */
  SimulatedPayment withCapture(String newStatus, long capturedAmountMinor, Instant at) {
    return new SimulatedPayment(
        id, paymentId, merchantId, capturedAmountMinor, currency, newStatus, version + 1, at);
  }

  String stateId() {
    return id + ":" + version;
  }
}
