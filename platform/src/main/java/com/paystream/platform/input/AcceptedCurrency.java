package com.paystream.platform.input;

import java.util.Currency;
import java.util.Objects;

/**
 * A currency the suite takes, with its ISO 4217 minor units and the largest amount one request may
 * carry in it, in minor units.
 */
public record AcceptedCurrency(Currency currency, int minorUnits, long maxMinor) {

  public AcceptedCurrency {
    Objects.requireNonNull(currency, "currency");
    if (minorUnits < 0) {
      throw new IllegalArgumentException(
          currency + " has no minor units in ISO 4217 (a fund, metal or test code)");
    }
    if (maxMinor <= 0) {
      throw new IllegalArgumentException("the maximum amount in " + currency + " must be positive");
    }
  }

  public static AcceptedCurrency of(String code, long maxMinor) {
    Currency currency = Currency.getInstance(code);
    return new AcceptedCurrency(currency, currency.getDefaultFractionDigits(), maxMinor);
  }

  public String code() {
    return currency.getCurrencyCode();
  }
}
