package com.paystream.gateway.auth;

import com.paystream.platform.ids.MerchantId;
import java.util.Objects;

/** An authenticated caller of the payments API. */
public sealed interface Caller {

  /** The key that proved the caller, for audit. */
  String keyId();

  /** How the caller is named in audit records and status history. */
  String actor();

  /** A merchant: sees and changes only its own payments. */
  record Merchant(MerchantId merchantId, String keyId) implements Caller {

    public Merchant {
      Objects.requireNonNull(merchantId, "merchantId");
      Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String actor() {
      return "merchant:" + merchantId + "/key:" + keyId;
    }
  }

  /** An operator: reads every payment and alone may amend or supplement. */
  record Operator(String name, String keyId) implements Caller {

    public Operator {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String actor() {
      return "operator:" + name + "/key:" + keyId;
    }
  }
}
