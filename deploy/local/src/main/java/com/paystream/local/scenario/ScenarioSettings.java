package com.paystream.local.scenario;

import java.time.Duration;

/**
 * What the day looks like.
 *
 * @param payments how many payments the merchants take
 * @param seed decides the plan (merchants, currencies, amounts, outcomes, refunds) and the faults
 * @param dropRate share of provider webhooks never sent
 * @param duplicateRate share sent twice
 * @param delayRate share delayed or sent out of order (half each)
 * @param concurrency customers paying at once
 * @param tradingTime how long trading is spread over (payments start evenly across it); zero for as
 *     fast as the customers go. A chaos day trades slowly for minutes, so that its faults hit a
 *     stack under load.
 */
public record ScenarioSettings(
    int payments,
    long seed,
    double dropRate,
    double duplicateRate,
    double delayRate,
    int concurrency,
    Duration tradingTime) {

  public static final int DEFAULT_PAYMENTS = 500;
  public static final double DEFAULT_DROP_RATE = 0.02;
  public static final double DEFAULT_DUPLICATE_RATE = 0.05;
  public static final double DEFAULT_DELAY_RATE = 0.03;
  public static final int DEFAULT_CONCURRENCY = 16;

  /** The longest a delayed webhook is held back. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(3);

  public ScenarioSettings {
    if (payments < 1) {
      throw new IllegalArgumentException("the day needs at least one payment");
    }
    for (double rate : new double[] {dropRate, duplicateRate, delayRate}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("fault rates are between 0 and 1");
      }
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be positive");
    }
    if (tradingTime.isNegative()) {
      throw new IllegalArgumentException("the trading time is zero or positive");
    }
  }

  /** Trading as fast as the customers go. */
  public ScenarioSettings(
      int payments,
      long seed,
      double dropRate,
      double duplicateRate,
      double delayRate,
      int concurrency) {
    this(payments, seed, dropRate, duplicateRate, delayRate, concurrency, Duration.ZERO);
  }

  public ScenarioSettings withTradingTime(Duration time) {
    return new ScenarioSettings(
        payments, seed, dropRate, duplicateRate, delayRate, concurrency, time);
  }

  public static ScenarioSettings defaults(long seed) {
    return new ScenarioSettings(
        DEFAULT_PAYMENTS,
        seed,
        DEFAULT_DROP_RATE,
        DEFAULT_DUPLICATE_RATE,
        DEFAULT_DELAY_RATE,
        DEFAULT_CONCURRENCY);
  }

  public ScenarioSettings withPayments(int count) {
    return new ScenarioSettings(
        count, seed, dropRate, duplicateRate, delayRate, concurrency, tradingTime);
  }

  public ScenarioSettings withSeed(long newSeed) {
    return new ScenarioSettings(
        payments, newSeed, dropRate, duplicateRate, delayRate, concurrency, tradingTime);
  }

  public ScenarioSettings withFaults(double drop, double duplicate, double delay) {
    return new ScenarioSettings(payments, seed, drop, duplicate, delay, concurrency, tradingTime);
  }
}
