package com.paystream.local.live;

import java.time.Duration;
import java.util.List;

/**
 * How one check of the live check went.
 *
 * @param name what was checked, in a few words
 * @param passed whether it held
 * @param summary one line
 * @param details one line per failing item (a panel and its query, a leak), or notes
 * @param took how long it ran
 */
public record CheckResult(
    String name, boolean passed, String summary, List<String> details, Duration took) {

  public CheckResult {
    details = List.copyOf(details);
  }

  CheckResult took(Duration duration) {
    return new CheckResult(name, passed, summary, details, duration);
  }

  public static CheckResult of(String name, boolean passed, String summary, List<String> details) {
    return new CheckResult(name, passed, summary, details, Duration.ZERO);
  }
}
