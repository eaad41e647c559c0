package com.paystream.local.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting between polls of the running services, always with a deadline. */
final class Pause {

  private Pause() {}

  static void of(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScenarioFailure("interrupted");
    }
  }

  /**
   * Polls {@code done} every {@code interval} until it holds; false when {@code timeout} passed
   * first.
   */
  static boolean until(Duration timeout, Duration interval, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      of(interval);
    }
    return true;
  }
}
