package com.paystream.recon.matching.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * @param grace how long a succeeded callback waits for its entry (and an entry for its callback)
 *     before the difference is a break: the relay re-delivers, the ledger retries, the two topics
 *     are read at their own pace
 * @param bookedRetention how long a payment that agreed is remembered after its last change; a
 *     second booking later than that is not recognised as a double booking
 */
public record InternalRules(Duration grace, Duration bookedRetention) {

  public InternalRules {
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(bookedRetention, "bookedRetention");
    if (grace.isNegative() || bookedRetention.isNegative()) {
      throw new IllegalArgumentException(
          "durations must be >= 0: " + grace + ", " + bookedRetention);
    }
  }
}
