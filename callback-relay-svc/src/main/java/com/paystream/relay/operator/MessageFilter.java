package com.paystream.relay.operator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which messages an operator means: in one of {@code states}, optionally of one provider, one
 * payment, and recorded at least {@code olderThan} ago (null fields do not filter).
 */
public record MessageFilter(
    Set<MessageState> states, String provider, String paymentId, Duration olderThan) {

  public MessageFilter {
    Objects.requireNonNull(states, "states");
    if (states.isEmpty()) {
      throw new IllegalArgumentException("at least one state is needed");
    }
    states = Set.copyOf(states);
    if (olderThan != null && olderThan.isNegative()) {
      throw new IllegalArgumentException("olderThan must not be negative: " + olderThan);
    }
  }

  public static MessageFilter all() {
    return new MessageFilter(EnumSet.allOf(MessageState.class), null, null, null);
  }

  public boolean matchesProvider(String messageProvider) {
    return provider == null || provider.equals(messageProvider);
  }
}
