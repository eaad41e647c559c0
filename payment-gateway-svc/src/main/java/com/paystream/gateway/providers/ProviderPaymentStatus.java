package com.paystream.gateway.providers;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import java.time.Instant;

/**
 * What the provider says about a payment when asked.
 *
 * @param observationId the provider's id of this state of the payment (stable for the same state),
 *     used as the provider event id of the callback it becomes, so that asking twice and seeing the
 *     same state is a duplicate, not a second callback
 * @param status the provider's name for the state, as it sent it; the caller maps it onto the
 *     payment state machine, so that this package stays free of the payments feature
 */
public record ProviderPaymentStatus(
    String providerPaymentId,
    PaymentId paymentId,
    MerchantId merchantId,
    Money amount,
    String status,
    Instant updatedAt,
    String observationId) {}
