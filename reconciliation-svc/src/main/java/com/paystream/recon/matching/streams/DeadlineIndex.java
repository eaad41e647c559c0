package com.paystream.recon.matching.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open items of one processor ordered by deadline: a store keyed by {@code
 * <deadline>|<reference>} (see {@link ReconStores#deadlineKey}), so that the items due are one
 * range scan from the start, whatever the number of open items.
 */
final class DeadlineIndex {

  /** A deadline taken off the index: the unit it belonged to and when it was due. */
  record Due(String reference, long deadlineMs) {}

  private final KeyValueStore<String, String> deadlines;

  DeadlineIndex(KeyValueStore<String, String> deadlines) {
    this.deadlines = deadlines;
  }

  /** Removes and returns the deadlines due at {@code nowMs}, oldest first, at most {@code max}. */
  List<Due> takeDue(long nowMs, int max) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        deadlines.range(ReconStores.deadlineKey(0, ""), ReconStores.deadlineUpperBound(nowMs))) {
      while (it.hasNext() && keys.size() < max) {
        keys.add(it.next().key);
      }
    }
    List<Due> due = new ArrayList<>(keys.size());
    for (String key : keys) {
      deadlines.delete(key);
      due.add(new Due(ReconStores.referenceOf(key), ReconStores.deadlineOf(key)));
    }
    return due;
  }

  /** Moves the reference's entry from {@code previousMs} to {@code nextMs} (0: none). */
  void move(String reference, long previousMs, long nextMs) {
    if (previousMs == nextMs) {
      return;
    }
    if (previousMs != 0) {
      deadlines.delete(ReconStores.deadlineKey(previousMs, reference));
    }
    if (nextMs != 0) {
      deadlines.put(ReconStores.deadlineKey(nextMs, reference), reference);
    }
  }
}
