package com.paystream.local.scenario;

import java.util.Optional;

/**
 * Something done to the stack while the day runs, such as the chaos of cluster mode: it begins with
 * trading, and the day's later phases (checking, day close) wait until it is over, so that they run
 * on a whole stack again.
 */
public interface Disturbance {

  /** Nothing happens. */
  Disturbance NONE =
      new Disturbance() {
        @Override
        public void start() {}

        @Override
        public void awaitOver() {}

        @Override
        public Optional<DisruptionReport> report() {
          return Optional.empty();
        }
      };

  /** Trading has begun. */
  void start();

  /** Returns once everything it broke is back. */
  void awaitOver();

  /** What it did and what recovering cost; empty when it did nothing. */
  Optional<DisruptionReport> report();
}
