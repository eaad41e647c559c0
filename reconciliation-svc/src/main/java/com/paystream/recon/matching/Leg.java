package com.paystream.recon.matching;

import com.paystream.platform.money.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * The amounts of a result in one currency: net statement and net ledger amount (positive: money
 * towards us), {@code null} for a side that has no line at all.
 */
public record Leg(Currency currency, Money statement, Money internal) {

  public Leg {
    Objects.requireNonNull(currency, "currency");
    requireIn(currency, statement);
    requireIn(currency, internal);
  }

  /** A leg from the wire formats' minor units and currency code. */
  public static Leg of(String currencyCode, Long statementMinor, Long internalMinor) {
    Currency currency = Money.currency(currencyCode);
    return new Leg(currency, money(statementMinor, currency), money(internalMinor, currency));
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** The statement side in minor units, as the wire formats carry it; null without a line. */
  public Long statementMinor() {
    return statement == null ? null : statement.minor();
  }

  /** The ledger side in minor units, as the wire formats carry it; null without a line. */
  public Long internalMinor() {
    return internal == null ? null : internal.minor();
  }

  /** What is at stake while the break is open: the difference, or the amount of the one side. */
  public Money atRisk() {
    Money zero = Money.zero(currency);
    Money difference =
        (statement == null ? zero : statement).minus(internal == null ? zero : internal);
    return difference.isNegative() ? difference.negate() : difference;
  }

  private static Money money(Long minor, Currency currency) {
    return minor == null ? null : new Money(minor, currency);
  }

  private static void requireIn(Currency currency, Money amount) {
    if (amount != null && !amount.currency().equals(currency)) {
      throw new IllegalArgumentException("leg in " + currency + " given an amount " + amount);
    }
  }
}
