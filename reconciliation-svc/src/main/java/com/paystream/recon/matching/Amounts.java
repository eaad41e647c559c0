package com.paystream.recon.matching;

final class Amounts {

  private Amounts() {}

  static void requirePositive(long amountMinor) {
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("amount must be positive minor units, was " + amountMinor);
    }
  }
}
