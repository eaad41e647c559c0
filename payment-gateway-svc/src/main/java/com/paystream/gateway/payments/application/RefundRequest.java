package com.paystream.gateway.payments.application;

import com.paystream.platform.money.Money;

/** A refund a merchant (or operator) asks for; the key makes it idempotent. */
public record RefundRequest(Money amount, String reason, String idempotencyKey) {}
