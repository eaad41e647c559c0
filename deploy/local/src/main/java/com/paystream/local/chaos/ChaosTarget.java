package com.paystream.local.chaos;

import com.paystream.local.cluster.KafkaCluster;
import com.paystream.local.cluster.KafkaTimeouts;
import com.paystream.local.process.SupervisedChild;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the chaos acts on: the running cluster's children, supervised (a child killed is restarted
 * by its supervisor, not by the chaos).
 *
 * @param kafka the brokers' quorum, to ask which node is the active controller
 * @param brokers the broker child per node id
 * @param instances every service instance's child by instance name ({@code gateway-1}, …)
 * @param baseUrls every service instance's base URL by instance name
 * @param postgresPrimary the primary's supervising child ({@code PostgresMain})
 * @param postgresPrimaryData the primary's data directory, where {@code postmaster.pid} names the
 *     postmaster
 * @param timeouts the services' group timeouts, which a frozen instance must outlast
 */
public record ChaosTarget(
    KafkaCluster kafka,
    Map<Integer, SupervisedChild> brokers,
    Map<String, SupervisedChild> instances,
    Map<String, String> baseUrls,
    SupervisedChild postgresPrimary,
    Path postgresPrimaryData,
    KafkaTimeouts timeouts) {

  public ChaosTarget {
    brokers = Map.copyOf(brokers);
    instances = Map.copyOf(instances);
    baseUrls = Map.copyOf(baseUrls);
  }

  SupervisedChild instance(String name) {
    SupervisedChild child = instances.get(name);
    if (child == null) {
      throw new IllegalArgumentException("no instance " + name);
    }
    return child;
  }

  String baseUrl(String name) {
    return baseUrls.get(name);
  }

  /** The instances of one service, by name, in order ({@code relay-1}, {@code relay-2}). */
  List<String> instancesOf(String service) {
    return baseUrls.keySet().stream()
        .filter(name -> name.startsWith(service + "-"))
        .sorted()
        .toList();
  }
}
