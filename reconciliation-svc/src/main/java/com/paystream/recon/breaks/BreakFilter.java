package com.paystream.recon.breaks;

import com.paystream.recon.matching.Outcome;
import com.paystream.recon.matching.ReconEvent;
import java.time.LocalDate;
import java.util.Optional;

/** Which open breaks to list; every part is optional. Business dates are inclusive. */
public record BreakFilter(
    Optional<Outcome> outcome,
    Optional<String> currency,
    Optional<String> provider,
    Optional<String> reference,
    Optional<LocalDate> from,
    Optional<LocalDate> to) {

  public static BreakFilter none() {
    return new BreakFilter(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public boolean test(ReconEvent event) {
    return outcome.map(o -> o == event.outcome()).orElse(true)
        && currency.map(c -> c.equals(event.currency())).orElse(true)
        && provider.map(p -> p.equals(event.provider())).orElse(true)
        && reference.map(r -> r.equals(event.reference())).orElse(true)
        && from.map(d -> !event.businessDate().isBefore(d)).orElse(true)
        && to.map(d -> !event.businessDate().isAfter(d)).orElse(true);
  }
}
