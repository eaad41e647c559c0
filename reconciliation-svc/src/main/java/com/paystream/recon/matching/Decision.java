package com.paystream.recon.matching;

import java.util.List;

/**
 * What an operation on a unit did: the results to publish, whether the unit may be forgotten, and
 * whether the operation applied at all (a re-delivery or an unknown break id does not).
 */
public record Decision(List<ReconEvent> events, boolean forget, boolean applied) {

  public Decision {
    events = List.copyOf(events);
  }

  /** Nothing applied: nothing to publish, nothing to save. */
  public static Decision unchanged() {
    return new Decision(List.of(), false, false);
  }
}
