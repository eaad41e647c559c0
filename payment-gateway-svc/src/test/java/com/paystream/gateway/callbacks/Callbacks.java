package com.paystream.gateway.callbacks;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Verified callbacks for unit tests. */
final class Callbacks {

  private Callbacks() {}

  static VerifiedCallback callback(String eventId, String paymentId, PaymentStatus status) {
    return callback(eventId, paymentId, status, 1999, new byte[10]);
  }

  static VerifiedCallback callback(
      String eventId, String paymentId, PaymentStatus status, long amountMinor, byte[] body) {
    ProviderReport report =
        new ProviderReport(
            new PaymentId(paymentId),
            new MerchantId("m-1"),
            Money.of(amountMinor, "EUR"),
            status,
            Optional.of("psp_" + paymentId),
            "payment." + status.name().toLowerCase(java.util.Locale.ROOT),
            Instant.parse("2026-01-31T12:00:00Z"));
    return new VerifiedCallback(
        "simulator", eventId, CallbackSource.WEBHOOK, report, body, Map.of(), "");
  }
}
