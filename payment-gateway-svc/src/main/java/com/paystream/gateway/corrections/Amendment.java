package com.paystream.gateway.corrections;

import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.money.Money;

/** An operator's correction of a payment's amount and/or status, with a mandatory reason. */
public record Amendment(Money amount, PaymentStatus status, String reason, String idempotencyKey) {

  public Amendment {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an amendment needs a reason");
    }
  }
}
