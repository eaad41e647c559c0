package com.paystream.ledger.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * What an account is, independent of its balance. The id is derived from the code, so every
 * instance of the ledger (and a rebuild from the topics) names the same account the same way, and
 * an account can be created on first use without reading its id back.
 */
public record AccountSpec(
    String code, String name, AccountType type, Currency currency, boolean overdraftAllowed) {

  public AccountSpec {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(currency, "currency");
    if (code.isBlank() || code.length() > 200) {
      throw new IllegalArgumentException("account code must have 1..200 characters: " + code);
    }
  }

  public UUID id() {
    return idOf(code);
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  public static UUID idOf(String code) {
    return UUID.nameUUIDFromBytes(
        ("paystream-ledger/account/" + code).getBytes(StandardCharsets.UTF_8));
  }
}
