package com.paystream.recon.breaks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the parts of the instances together. Each instance lists its own first {@code limit} legs in
 * the listing's order, so the first {@code limit} of all parts, sorted after merging, are the
 * whole's first {@code limit}.
 */
public final class BreakMerge {

  /** The listing's order: oldest business date first, then break id, then currency. */
  public static final Comparator<BreakView> ORDER =
      Comparator.comparing(BreakView::businessDate)
          .thenComparing(BreakView::breakId)
          .thenComparing(BreakView::currency);

  private BreakMerge() {}

  /** The first {@code limit} legs of all parts, in the listing's order. */
  public static List<BreakView> first(Collection<BreakView> parts, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
    List<BreakView> all = new ArrayList<>(parts);
    all.sort(ORDER);
    return List.copyOf(all.size() > limit ? all.subList(0, limit) : all);
  }

  /** The legs of one break from all parts (one instance holds them), one per currency, sorted. */
  public static List<BreakView> legs(Collection<BreakView> parts) {
    List<BreakView> all = new ArrayList<>(parts);
    all.sort(ORDER);
    return List.copyOf(all);
  }
}
