package com.paystream.simulator;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How badly the simulated provider pays out, like {@link WebhookFaults} for webhooks: per fault a
 * rate (the share of payouts it hits, each payout decided on independently) and faults named for
 * given payouts by their reference ({@code po_<provider>_<CUR>_<yyyyMMdd>}), which always apply.
 *
 * <p>The decisions come from a random seeded with the simulator's seed and the payout's reference,
 * so a payout gets the same faults however often and in whatever order it is asked for.
 *
 * @param rates per fault, between 0 and 1; a fault not in the map never happens by chance
 * @param byPayout faults that always hit the payout with that reference
 * @param shortByMinor the unexplained fee of a {@link PayoutFault#SHORT} payout, positive
 */
public record PayoutFaults(
    Map<PayoutFault, Double> rates, Map<String, Set<PayoutFault>> byPayout, long shortByMinor) {

  /** Payouts as agreed: complete, on time, to the cent. */
  public static final PayoutFaults NONE = new PayoutFaults(Map.of(), Map.of(), 100);

  public PayoutFaults {
    rates.forEach(
        (fault, rate) -> {
          if (fault == null || rate == null || !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rates are between 0 and 1, not " + rate);
          }
        });
    if (shortByMinor <= 0) {
      throw new IllegalArgumentException("shortByMinor is positive, not " + shortByMinor);
    }
    rates = Map.copyOf(rates);
    Map<String, Set<PayoutFault>> copy = new HashMap<>();
    byPayout.forEach((reference, faults) -> copy.put(reference, Set.copyOf(faults)));
    byPayout = Map.copyOf(copy);
  }

  /** These faults and, besides, {@code fault} hitting the share {@code rate} of payouts. */
  public PayoutFaults withRate(PayoutFault fault, double rate) {
    Map<PayoutFault, Double> changed = new EnumMap<>(PayoutFault.class);
    changed.putAll(rates);
    changed.put(fault, rate);
    return new PayoutFaults(changed, byPayout, shortByMinor);
  }

  /** These faults and, besides, {@code faults} always hitting the payout {@code reference}. */
  public PayoutFaults on(String payoutReference, PayoutFault... faults) {
    Map<String, Set<PayoutFault>> changed = new HashMap<>(byPayout);
    Set<PayoutFault> set = EnumSet.noneOf(PayoutFault.class);
    set.addAll(changed.getOrDefault(payoutReference, Set.of()));
    set.addAll(Set.of(faults));
    changed.put(payoutReference, set);
    return new PayoutFaults(rates, changed, shortByMinor);
  }

  /** These faults with another unexplained fee for a short payout. */
  public PayoutFaults shortBy(long minor) {
    return new PayoutFaults(rates, byPayout, minor);
  }

  /**
   * The faults of one payout: those named for it, and each other one drawn with its rate from a
   * random of the seed and the reference (every fault draws, in declaration order, so adding a rate
   * never changes another fault's draw).
   */
  Set<PayoutFault> decide(String payoutReference, long seed) {
    Random random = random(seed, payoutReference);
    Set<PayoutFault> faults = EnumSet.noneOf(PayoutFault.class);
    faults.addAll(byPayout.getOrDefault(payoutReference, Set.of()));
    for (PayoutFault fault : PayoutFault.values()) {
      double draw = random.nextDouble();
      if (draw < rates.getOrDefault(fault, 0.0)) {
        faults.add(fault);
      }
    }
    return faults;
  }

  /** The payout's own random: the same for the same seed and reference. */
  static Random random(long seed, String payoutReference) {
    return new Random(seed * 0x9E3779B97F4A7C15L + payoutReference.hashCode());
  }
}
