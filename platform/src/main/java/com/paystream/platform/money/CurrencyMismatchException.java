package com.paystream.platform.money;

/** Thrown when arithmetic or comparison mixes two currencies: always a programming error. */
public final class CurrencyMismatchException extends IllegalArgumentException {

  public CurrencyMismatchException(Money left, Money right) {
    super("cannot combine " + left.currencyCode() + " with " + right.currencyCode());
  }
}
