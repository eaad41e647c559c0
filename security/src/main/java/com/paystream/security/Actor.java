package com.paystream.security;

import java.util.Objects;
import java.util.Optional;

/**
 * An authenticated caller: a person or system with one role. Who did something is always taken from
 * here, never from a request body.
 *
 * @param name the principal's name (an operator's user name, a merchant's principal name)
 * @param role its role
 * @param merchantId the merchant it acts for; present exactly when the role is {@link
 *     Role#MERCHANT}
 * @param credential what proved it: {@code key:<key id>} or {@code oidc:<issuer>}, for audit
 */
public record Actor(String name, Role role, Optional<String> merchantId, String credential) {

  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(merchantId, "merchantId");
    Objects.requireNonNull(credential, "credential");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
    if ((role == Role.MERCHANT) != merchantId.isPresent()) {
      throw new IllegalArgumentException("a merchant id belongs to exactly the MERCHANT role");
    }
  }

  /** How the actor is named in audit records and journal entries, e.g. {@code operator:alice}. */
  public String label() {
    return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
  }

  public boolean is(Role candidate) {
    return role == candidate;
  }

  /** Whether this actor may see data of {@code merchant}: its own merchant, or any non-merchant. */
  public boolean maySee(String merchant) {
    return merchantId.map(own -> own.equals(merchant)).orElse(true);
  }
}
