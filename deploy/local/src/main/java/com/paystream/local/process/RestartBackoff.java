package com.paystream.local.process;

import java.time.Duration;

/**
 * Delays between restarts of a crashing child: doubling from {@code initial} up to {@code max}, and
 * back to {@code initial} once a child had run for {@code stableAfter} (it was not crash-looping).
 */
public final class RestartBackoff {

  private final Duration initial;
  private final Duration max;
  private final Duration stableAfter;
  private Duration next;

  public RestartBackoff(Duration initial, Duration max, Duration stableAfter) {
    this.initial = initial;
    this.max = max;
    this.stableAfter = stableAfter;
    this.next = initial;
  }

  public static RestartBackoff standard() {
    return new RestartBackoff(
        Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** The delay before restarting a child that ran for {@code uptime} before it died. */
  public synchronized Duration nextDelay(Duration uptime) {
    if (uptime.compareTo(stableAfter) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }
}
