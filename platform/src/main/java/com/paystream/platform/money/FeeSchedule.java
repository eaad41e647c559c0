package com.paystream.platform.money;

import java.math.BigInteger;

/**
 * A merchant's fee: basis points of the amount plus a fixed part, both in the payment's currency.
 *
 * <p>Rounding rule: the percentage part is rounded half-up to the nearest minor unit (on exact
 * integers, so 0.5 always goes up), then the fixed part is added; the fee never exceeds the amount,
 * so a merchant is never credited a negative sum.
 */
public record FeeSchedule(long basisPoints, long fixedMinor) {

  public FeeSchedule {
    if (basisPoints < 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException("basis points must be within 0..10000: " + basisPoints);
    }
    if (fixedMinor < 0) {
      throw new IllegalArgumentException("fixed fee must not be negative: " + fixedMinor);
    }
  }

  public Money feeFor(Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("fee of a negative amount: " + amount);
    }
    BigInteger scaled =
        BigInteger.valueOf(amount.minor()).multiply(BigInteger.valueOf(basisPoints));
    long percentage =
        scaled.add(BigInteger.valueOf(5_000)).divide(BigInteger.valueOf(10_000)).longValueExact();
    long fee = Math.min(amount.minor(), Math.addExact(percentage, fixedMinor));
    return new Money(fee, amount.currency());
  }
}
