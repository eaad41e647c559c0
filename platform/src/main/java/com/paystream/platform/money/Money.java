package com.paystream.platform.money;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the smallest unit of its currency (cents for EUR, yen for JPY). Arithmetic is exact
 * and refuses to mix currencies or overflow: both are bugs, never something to round away.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money of(long minor, String currencyCode) {
    return new Money(minor, currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses an ISO 4217 alphabetic code, rejecting anything else with a message naming the input.
   */
  public static Currency currency(String code) {
    if (code == null || code.length() != 3) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + code);
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an ISO 4217 currency code: " + code, e);
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(minor), currency);
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isPositive() {
    return minor > 0;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(this, other);
    }
  }

  @Override
  public String toString() {
    return minor + " " + currency.getCurrencyCode() + " (minor units)";
  }
}
