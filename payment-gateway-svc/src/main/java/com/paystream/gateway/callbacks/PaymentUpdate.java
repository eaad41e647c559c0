package com.paystream.gateway.callbacks;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.payments.StatusFlag;
import com.paystream.platform.ids.PaymentId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a batch of decisions does to one payment row: its final status, the first reason it needs
 * attention (kept if one is already open), the provider's payment id if we learnt it, and how many
 * decisions were taken (the row's version advances by that much).
 */
public record PaymentUpdate(
    PaymentId paymentId,
    PaymentStatus status,
    Optional<StatusFlag> attention,
    Optional<String> providerPaymentId,
    Instant at,
    int decisions) {}
