package com.paystream.gateway.corrections.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.paystream.gateway.payments.PaymentStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** The corrections' request bodies as the API description shows them; read strictly. */
final class CorrectionBodies {

  private CorrectionBodies() {}

  @Schema(
      name = "Amendment",
      requiredProperties = {"amount_minor", "currency", "status", "reason"})
  record Amendment(
      @JsonProperty("amount_minor") @Schema(description = "the corrected amount", minimum = "0")
          long amountMinor,
      @Schema(description = "ISO 4217 code", example = "EUR") String currency,
      @Schema(description = "the corrected status") PaymentStatus status,
      @Schema(description = "why; kept with the correction") String reason) {}

  @Schema(
      name = "Supplement",
      requiredProperties = {
        "merchant_id",
        "amount_minor",
        "currency",
        "evidence_reference",
        "reason"
      })
  record Supplement(
      @JsonProperty("merchant_id") String merchantId,
      @JsonProperty("amount_minor") @Schema(minimum = "1") long amountMinor,
      @Schema(example = "EUR") String currency,
      @Schema(defaultValue = "simulator") String provider,
      @JsonProperty("evidence_reference")
          @Schema(description = "the statement line proving the payment")
          String evidenceReference,
      String reason) {}
}
