package com.paystream.recon.matching;

import java.util.List;

/**
 * What an operation on a unit did: the results to publish, the settlements to write (the payout
 * matcher only), whether the unit may be forgotten, and whether the operation applied at all (a
 * re-delivery or an unknown break id does not).
 */
public record Decision(
    List<ReconEvent> events, boolean forget, boolean applied, List<SettlementOrder> settlements) {

  public Decision {
    events = List.copyOf(events);
    settlements = List.copyOf(settlements);
  }

  /** A decision that settles nothing. */
  public Decision(List<ReconEvent> events, boolean forget, boolean applied) {
    this(events, forget, applied, List.of());
  }

  /** Nothing applied: nothing to publish, nothing to save. */
  public static Decision unchanged() {
    return new Decision(List.of(), false, false);
  }
}
