package com.paystream.gateway.refunds.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A refund request as the API description shows it; the handler reads the JSON strictly. */
@Schema(
    name = "RefundRequest",
    requiredProperties = {"amount_minor", "currency"})
record RefundBody(
    @JsonProperty("amount_minor")
        @Schema(description = "at most what is still refundable, in minor units", minimum = "1")
        long amountMinor,
    @Schema(description = "ISO 4217 code, the payment's", example = "EUR") String currency,
    @Schema(description = "why, kept with the refund") String reason) {}
