package com.paystream.gateway.corrections;

import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.money.Money;

/**
 * An operator's record of a payment proven by evidence (a statement line, the provider's report)
 * that the books never saw.
 */
public record Supplement(
    MerchantId merchantId,
    Money amount,
    String provider,
    String evidenceReference,
    String reason,
    String idempotencyKey) {

  public Supplement {
    if (evidenceReference == null || evidenceReference.isBlank()) {
      throw new IllegalArgumentException("a supplement needs an evidence reference");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a supplement needs a reason");
    }
  }
}
