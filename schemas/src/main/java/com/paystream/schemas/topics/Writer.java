package com.paystream.schemas.topics;

import java.util.Objects;

/**
 * A service whose producer writes a topic, and what it writes there.
 *
 * @param service the producing service
 * @param what what it writes, and why (for a topic with several writers, the reason each one has)
 */
public record Writer(Service service, String what) {

  public Writer {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(what, "what");
    if (what.isBlank()) {
      throw new IllegalArgumentException("say what " + service + " writes");
    }
  }
}
