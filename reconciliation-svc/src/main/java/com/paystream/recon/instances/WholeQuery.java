package com.paystream.recon.instances;

import com.paystream.recon.matching.streams.ReconStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;

/**
 * Answers a query for the whole: this instance's part read from its own stores, every other
 * instance's part asked over HTTP ({@link Peers}), all parts returned for the feature to merge
 * (sort, limit, sum). The assignment is read before and after: if partitions moved meanwhile, a
 * part may be missing or counted twice, so the answer is refused rather than given.
 */
public final class WholeQuery {

  private final ReconStreams streams;
  private final Peers peers;

  public WholeQuery(ReconStreams streams, Peers peers) {
    this.streams = streams;
    this.peers = peers;
  }

  /**
   * Every part of the answer, this instance's first; only this instance's for {@link Scope#LOCAL}.
   *
   * @throws org.apache.kafka.streams.errors.InvalidStateStoreException while this instance's
   *     streams are not RUNNING
   * @throws InstancesUnavailableException when another instance does not give its part, or the
   *     partitions moved while the parts were read
   */
  public <T> List<T> parts(
      Scope scope, Supplier<List<T>> local, PeerRequest request, TypeReference<List<T>> type) {
    if (scope == Scope.LOCAL) {
      return local.get();
    }
    ReconStreams.Instances before = streams.instances();
    List<T> parts = new ArrayList<>(local.get());
    if (!before.others().isEmpty()) {
      parts.addAll(peers.ask(before.others(), request, type));
    }
    if (!before.equals(streams.instances())) {
      throw new InstancesUnavailableException(
          "the partitions moved between the instances while the answer was read");
    }
    return parts;
  }
}
