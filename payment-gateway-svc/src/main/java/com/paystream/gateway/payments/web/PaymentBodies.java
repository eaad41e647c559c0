package com.paystream.gateway.payments.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The payments API's request bodies as its description shows them; the handlers read the JSON
 * themselves, strictly (unknown fields and wrong types are refused with 400).
 */
final class PaymentBodies {

  private PaymentBodies() {}

  @Schema(
      name = "CreatePayment",
      requiredProperties = {"amount_minor", "currency"})
  record Create(
      @JsonProperty("amount_minor")
          @Schema(description = "the amount in minor units of the currency", minimum = "1")
          long amountMinor,
      @Schema(description = "ISO 4217 code", example = "EUR") String currency,
      @Schema(description = "the provider to pay at", defaultValue = "simulator") String provider,
      @Schema(description = "the merchant's own reference", maxLength = 128) String reference) {}

  @Schema(name = "CancelPayment")
  record Cancel(@Schema(description = "why, kept in the payment's history") String reason) {}
}
