package com.paystream.recon.statements;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Decimal amounts as written in statements, turned into exact minor units of their currency. Never
 * rounds: an amount with more decimals than the currency has (12.345 EUR) is refused.
 */
public final class MinorUnits {

  private MinorUnits() {}

  /**
   * The amount in minor units, or empty with the reason when it is not a positive amount that the
   * currency can express exactly.
   */
  public static Result of(BigDecimal amount, String currencyCode) {
    Optional<Currency> currency = currency(currencyCode);
    if (currency.isEmpty()) {
      return Result.refused("'" + currencyCode + "' is not an ISO 4217 currency code");
    }
    int digits = currency.get().getDefaultFractionDigits();
    if (digits < 0) {
      return Result.refused(currencyCode + " has no minor unit; it cannot carry payments");
    }
    if (amount.signum() <= 0) {
      return Result.refused("amount " + amount.toPlainString() + " is not positive");
    }
    BigDecimal minor = amount.movePointRight(digits).stripTrailingZeros();
    if (minor.scale() > 0) {
      return Result.refused(
          "amount "
              + amount.toPlainString()
              + " has more decimals than "
              + currencyCode
              + " has minor digits ("
              + digits
              + ")");
    }
    try {
      return Result.of(minor.longValueExact());
    } catch (ArithmeticException e) {
      return Result.refused("amount " + amount.toPlainString() + " is too large");
    }
  }

  /** The ISO 4217 currency, when {@code code} is one. */
  public static Optional<Currency> currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Minor units, or why there are none. */
  public record Result(long minor, String refusal) {

    static Result of(long minor) {
      return new Result(minor, null);
    }

    static Result refused(String refusal) {
      return new Result(0, refusal);
    }

    public boolean ok() {
      return refusal == null;
    }
  }
}
