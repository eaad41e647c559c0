package com.paystream.gateway.statusquery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When to ask a provider about an open payment.
 *
 * @param threshold how long a payment may stay CREATED or PENDING (since its last change) before
 *     the first query
 * @param backoff the wait after the first, second, ... query
 * @param thenEvery the wait after every query beyond the backoff list
 * @param maxAge how long after the first query we keep asking; then the row is EXPIRED (and the
 *     statement reconciliation is the remaining defence)
 */
public record QueryPolicy(
    Duration threshold, List<Duration> backoff, Duration thenEvery, Duration maxAge) {

  public QueryPolicy {
    Objects.requireNonNull(threshold, "threshold");
    backoff = List.copyOf(backoff);
    Objects.requireNonNull(thenEvery, "thenEvery");
    Objects.requireNonNull(maxAge, "maxAge");
    for (Duration wait : backoff) {
      requirePositive(wait, "backoff");
    }
    requirePositive(threshold, "threshold");
    requirePositive(thenEvery, "then-every");
    requirePositive(maxAge, "max-age");
  }

  /** The wait after the {@code queriesDone}-th query (1-based). */
  public Duration waitAfter(int queriesDone) {
    if (queriesDone < 1) {
      throw new IllegalArgumentException("queriesDone must be >= 1, was " + queriesDone);
    }
    return queriesDone <= backoff.size() ? backoff.get(queriesDone - 1) : thenEvery;
  }

  /** True when querying that started at {@code startedAt} has run out of time at {@code now}. */
  public boolean expired(Instant startedAt, Instant now) {
    return startedAt.plus(maxAge).isBefore(now);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }
}
