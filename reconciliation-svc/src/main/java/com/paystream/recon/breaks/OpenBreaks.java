package com.paystream.recon.breaks;

import com.paystream.recon.matching.ReconEvent;
import com.paystream.recon.matching.streams.ReconStores;
import com.paystream.recon.matching.streams.ReconStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the open breaks from the topology's {@link ReconStores#OPEN_BREAKS} and {@link
 * ReconStores#INTERNAL_OPEN_BREAKS} stores (interactive queries over this instance's partitions).
 */
public final class OpenBreaks {

  private final ReconStreams streams;

  public OpenBreaks(ReconStreams streams) {
    this.streams = streams;
  }

  /** Open break legs matching {@code filter}, oldest business date first, at most {@code limit}. */
  public List<ReconEvent> list(BreakFilter filter, int limit) {
    List<ReconEvent> matching = new ArrayList<>();
    for (ReconEvent event : all()) {
      if (filter.test(event)) {
        matching.add(event);
      }
    }
    matching.sort(
        Comparator.comparing(ReconEvent::businessDate)
            .thenComparing(ReconEvent::breakId)
            .thenComparing(ReconEvent::currency));
    return matching.size() > limit ? matching.subList(0, limit) : matching;
  }

  /** The legs of one open break (one per currency), empty when it is not open. */
  public List<ReconEvent> legsOf(String breakId) {
    List<ReconEvent> legs = new ArrayList<>();
    for (String name : ReconStores.ALL_OPEN_BREAKS) {
      try (KeyValueIterator<String, ReconEvent> range =
          store(name).range(breakId + "|", breakId + "|\uffff")) {
        range.forEachRemaining(kv -> legs.add(kv.value));
      }
    }
    return legs;
  }

  /** Every open leg: for the money-at-risk figures. */
  public List<ReconEvent> all() {
    List<ReconEvent> open = new ArrayList<>();
    for (String name : ReconStores.ALL_OPEN_BREAKS) {
      try (KeyValueIterator<String, ReconEvent> all = store(name).all()) {
        all.forEachRemaining(kv -> open.add(kv.value));
      }
    }
    return open;
  }

  private ReadOnlyKeyValueStore<String, ReconEvent> store(String name) {
    return streams.store(name);
  }
}
