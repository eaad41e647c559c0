package com.paystream.local.cluster;

import com.paystream.local.services.ServiceCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Where a cluster's processes listen.
 *
 * @param brokers the client port of each broker, node id 1 first
 * @param controllers the controller (quorum) port of each broker, in the same order
 * @param http per service name, the HTTP port of each instance (instance 1 first); also the
 *     provider simulator's under {@link ServiceCatalog#PROVIDER}
 */
public record ClusterPorts(
    List<Integer> brokers, List<Integer> controllers, Map<String, List<Integer>> http) {

  /** Brokers and instances per service in cluster mode. */
  public static final int BROKERS = 3;

  public static final int INSTANCES = 2;

  /** The services, in the order they are listed and started. */
  public static final List<String> SERVICES =
      List.of("gateway", "relay", "ledger", "reconciliation");

  public ClusterPorts {
    brokers = List.copyOf(brokers);
    controllers = List.copyOf(controllers);
    Map<String, List<Integer>> copy = new LinkedHashMap<>();
    http.forEach((name, ports) -> copy.put(name, List.copyOf(ports)));
    http = java.util.Collections.unmodifiableMap(copy);
    if (brokers.size() != BROKERS || controllers.size() != BROKERS) {
      throw new IllegalArgumentException("a cluster has " + BROKERS + " brokers");
    }
  }

  /**
   * The local stack's: brokers on 19092–19094 (controllers 19192–19194), the first instance of each
   * service on its usual port (8080–8083) and the second 100 above it (8180–8183).
   */
  public static ClusterPorts defaults() {
    Map<String, List<Integer>> http = new LinkedHashMap<>();
    for (String service : SERVICES) {
      int port = ServiceCatalog.DEFAULT_PORTS.get(service);
      http.put(service, List.of(port, port + 100));
    }
    http.put(
        ServiceCatalog.PROVIDER,
        List.of(ServiceCatalog.DEFAULT_PORTS.get(ServiceCatalog.PROVIDER)));
    return new ClusterPorts(List.of(19092, 19093, 19094), List.of(19192, 19193, 19194), http);
  }

  /** Every port from {@code freePort} (the tests'). */
  public static ClusterPorts free(IntSupplier freePort) {
    Map<String, List<Integer>> http = new LinkedHashMap<>();
    for (String service : SERVICES) {
      http.put(service, List.of(freePort.getAsInt(), freePort.getAsInt()));
    }
    http.put(ServiceCatalog.PROVIDER, List.of(freePort.getAsInt()));
    return new ClusterPorts(
        List.of(freePort.getAsInt(), freePort.getAsInt(), freePort.getAsInt()),
        List.of(freePort.getAsInt(), freePort.getAsInt(), freePort.getAsInt()),
        http);
  }

  /** The HTTP port of instance {@code instance} (from 1) of a service. */
  public int http(String service, int instance) {
    List<Integer> ports = http.get(service);
    if (ports == null) {
      throw new IllegalArgumentException("no ports for " + service);
    }
    return ports.get(service.equals(ServiceCatalog.PROVIDER) ? 0 : instance - 1);
  }

  /** Every port, for the check that they are free before anything starts. */
  public List<Integer> all() {
    List<Integer> all = new java.util.ArrayList<>(brokers);
    all.addAll(controllers);
    http.values().forEach(all::addAll);
    return all;
  }
}
