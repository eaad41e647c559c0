package com.paystream.gateway.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Standard Webhooks payment event bodies as the provider simulator sends them. */
public final class WebhookPayloads {

  private WebhookPayloads() {}

  public static byte[] payment(
      String paymentId, String merchantId, long amountMinor, String currency, String status) {
    return payment(paymentId, merchantId, amountMinor, currency, status, Instant.now());
  }

  public static byte[] payment(
      String paymentId,
      String merchantId,
      long amountMinor,
      String currency,
      String status,
      Instant occurredAt) {
    String json =
        """
        {"type":"payment.%s","timestamp":"%s","data":{"payment_id":"%s","merchant_id":"%s",\
        "amount_minor":%d,"currency":"%s","status":"%s","provider_payment_id":"psp_%s"}}"""
            .formatted(
                status.toLowerCase(Locale.ROOT),
                occurredAt,
                paymentId,
                merchantId,
                amountMinor,
                currency,
                status,
                paymentId);
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
