package com.paystream.gateway.refunds;

import com.paystream.platform.money.Money;

/** A refund a merchant (or operator) asks for; the key makes it idempotent. */
public record RefundRequest(Money amount, String reason, String idempotencyKey) {}
