package com.paystream.ledger.accounts;

import com.paystream.platform.ids.AccountId;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * What an account is, independent of its balance. The id is derived from the code, so every
 * instance of the ledger (and a rebuild from the topics) names the same account the same way, and
 * an account can be created on first use without reading its id back. It is derived once, when the
 * spec is made (the five-argument constructor), because the planner looks it up for every posting.
 */
public record AccountSpec(
    AccountId id,
    String code,
    String name,
    AccountType type,
    Currency currency,
    boolean overdraftAllowed) {

  public AccountSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(currency, "currency");
    if (code.isBlank() || code.length() > 200) {
      throw new IllegalArgumentException("account code must have 1..200 characters: " + code);
    }
  }

  public AccountSpec(
      String code, String name, AccountType type, Currency currency, boolean overdraftAllowed) {
    this(idOf(code), code, name, type, currency, overdraftAllowed);
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** The id of the account with this code: a name-based UUID, as its text. */
  public static AccountId idOf(String code) {
    Objects.requireNonNull(code, "code");
    return new AccountId(
        UUID.nameUUIDFromBytes(
                ("paystream-ledger/account/" + code).getBytes(StandardCharsets.UTF_8))
            .toString());
  }
}
