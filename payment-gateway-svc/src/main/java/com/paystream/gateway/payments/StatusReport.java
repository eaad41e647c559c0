package com.paystream.gateway.payments;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.money.Money;
import java.util.Objects;

/** A status a provider reports for a payment, with the amount and merchant it reports it for. */
public record StatusReport(PaymentStatus status, Money amount, MerchantId merchantId) {

  public StatusReport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(merchantId, "merchantId");
  }
}
