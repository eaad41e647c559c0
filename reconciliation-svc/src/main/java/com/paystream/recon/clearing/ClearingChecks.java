package com.paystream.recon.clearing;

import com.paystream.recon.matching.clearing.ClearingCheck;
import com.paystream.recon.matching.streams.ReconStores;
import com.paystream.recon.matching.streams.ReconStreams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads the clearing checks from the topology's {@link ReconStores#CLEARING_CHECKS} store
 * (interactive queries over this instance's partitions: each currency is held by one instance).
 */
public final class ClearingChecks {

  private final ReconStreams streams;

  public ClearingChecks(ReconStreams streams) {
    this.streams = streams;
  }

  /**
   * This instance's checks, by currency.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while the streams are not
   *     running
   */
  public List<ClearingCheck> local() {
    List<ClearingCheck> checks = new ArrayList<>();
    try (KeyValueIterator<String, ClearingCheck> all =
        streams.<ClearingCheck>store(ReconStores.CLEARING_CHECKS).all()) {
      all.forEachRemaining(kv -> checks.add(kv.value));
    }
    checks.sort(Comparator.comparing(ClearingCheck::currency));
    return checks;
  }
}
