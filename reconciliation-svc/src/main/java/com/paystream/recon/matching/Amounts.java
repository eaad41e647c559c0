package com.paystream.recon.matching;

import com.paystream.platform.money.Money;

final class Amounts {

  private Amounts() {}

  static void requirePositive(Money amount) {
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("amount must be positive, was " + amount);
    }
  }
}
