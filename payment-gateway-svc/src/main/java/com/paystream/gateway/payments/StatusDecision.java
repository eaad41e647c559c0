package com.paystream.gateway.payments;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The state machine's verdict on one report: the status before, the status reported, the status
 * after, and the flags explaining why the two differ. Always recorded, whether it moved or not.
 */
public record StatusDecision(
    PaymentStatus from, PaymentStatus reported, PaymentStatus to, Set<StatusFlag> flags) {

  public StatusDecision {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(to, "to");
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  public boolean moved() {
    return from != to;
  }

  public boolean needsAttention() {
    return flags.stream().anyMatch(StatusFlag::needsAttention);
  }

  public boolean has(StatusFlag flag) {
    return flags.contains(flag);
  }
}
