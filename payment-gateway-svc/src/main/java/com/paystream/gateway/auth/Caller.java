package com.paystream.gateway.auth;

import com.paystream.platform.ids.MerchantId;
import com.paystream.security.Actor;
import java.util.Objects;

/** An authenticated caller of the payments API. */
public sealed interface Caller {

  /** What proved the caller ({@code key:<key id>} or {@code oidc:<issuer>}), for audit. */
  String credential();

  /** How the caller is named in status history and commands: its label and credential. */
  String actor();

  /**
   * The principal's label ({@code operator:olga}), the same for each of its keys: who asked and who
   * approved are compared by it (four eyes).
   */
  String label();

  /** A merchant: sees and changes only its own payments. */
  record Merchant(MerchantId merchantId, String credential) implements Caller {

    public Merchant {
      Objects.requireNonNull(merchantId, "merchantId");
      Objects.requireNonNull(credential, "credential");
    }

    @Override
    public String actor() {
      return "merchant:" + merchantId + "/" + credential;
    }

    @Override
    public String label() {
      return "merchant:" + merchantId;
    }
  }

  /** An operator: reads every payment and alone may amend or supplement. */
  record Operator(String name, String credential) implements Caller {

    public Operator {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(credential, "credential");
    }

    @Override
    public String actor() {
      return "operator:" + name + "/" + credential;
    }

    @Override
    public String label() {
      return "operator:" + name;
    }
  }

  /** An auditor: reads every payment, changes nothing. */
  record Auditor(String name, String credential) implements Caller {

    public Auditor {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(credential, "credential");
    }

    @Override
    public String actor() {
      return "auditor:" + name + "/" + credential;
    }

    @Override
    public String label() {
      return "auditor:" + name;
    }
  }

  /**
   * The caller an authenticated actor is in the payments API; empty for a role it has no use for.
   */
  static java.util.Optional<Caller> of(Actor actor) {
    return switch (actor.role()) {
      case MERCHANT ->
          java.util.Optional.of(
              new Merchant(new MerchantId(actor.merchantId().orElseThrow()), actor.credential()));
      case OPERATOR -> java.util.Optional.of(new Operator(actor.name(), actor.credential()));
      case AUDITOR -> java.util.Optional.of(new Auditor(actor.name(), actor.credential()));
      case ADMIN -> java.util.Optional.empty();
    };
  }
}
