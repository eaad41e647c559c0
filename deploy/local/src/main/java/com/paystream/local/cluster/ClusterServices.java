package com.paystream.local.cluster;

import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Two instances of every service, each on its own port and with its own log, connected to every
 * broker of the cluster, with what running beside another instance needs: replication factor 3 for
 * the topics they create (Kafka Streams' internal topics follow it), short group timeouts for the
 * spring-kafka consumers, and for reconciliation its own state directory and the address other
 * instances reach it at (Kafka Streams' {@code application.server}).
 */
public final class ClusterServices {

  /** Kafka's consumer properties as Spring Boot passes them on to every consumer it builds. */
  private static final String CONSUMER = "--spring.kafka.consumer.properties.";

  private ClusterServices() {}

  /** An instance's name: {@code gateway-1}, {@code gateway-2}, … */
  public static String instanceName(String service, int instance) {
    return service + "-" + instance;
  }

  /** The service an instance belongs to: {@code gateway} for {@code gateway-2}. */
  public static String serviceOf(String instanceName) {
    int dash = instanceName.lastIndexOf('-');
    return dash < 0 ? instanceName : instanceName.substring(0, dash);
  }

  /**
   * Every instance, instance 1 of each service first.
   *
   * @param endpoints the database servers and every broker
   * @param stateDir where each reconciliation instance keeps its Kafka Streams state (a directory
   *     each below it)
   * @param extraArgs per service name, arguments appended to every instance's (they win)
   */
  public static List<ServiceSpec> instances(
      Endpoints endpoints,
      DatabaseLogins logins,
      ClusterPorts ports,
      KafkaTimeouts timeouts,
      Path stateDir,
      Function<String, List<String>> extraArgs) {
    List<ServiceSpec> instances = new ArrayList<>();
    for (int instance = 1; instance <= ClusterPorts.INSTANCES; instance++) {
      int n = instance;
      List<ServiceSpec> specs =
          ServiceCatalog.services(
              endpoints,
              logins,
              service -> {
                List<String> args =
                    new ArrayList<>(clusterArgs(service, n, ports, timeouts, stateDir));
                args.addAll(extraArgs.apply(service));
                return args;
              },
              service -> ports.http(service, n));
      specs.forEach(spec -> instances.add(spec.withName(instanceName(spec.name(), n))));
    }
    return instances;
  }

  static List<String> clusterArgs(
      String service, int instance, ClusterPorts ports, KafkaTimeouts timeouts, Path stateDir) {
    List<String> args = new ArrayList<>();
    args.add("--paystream.topics.replication-factor=" + ClusterPorts.BROKERS);
    String session = Long.toString(timeouts.session().toMillis());
    String heartbeat = Long.toString(timeouts.heartbeat().toMillis());
    String maxPoll = Long.toString(timeouts.maxPoll().toMillis());
    if (service.equals("reconciliation")) {
      int port = ports.http(service, instance);
      args.add("--paystream.recon.application-server=127.0.0.1:" + port);
      args.add(
          "--paystream.recon.state-dir="
              + stateDir.resolve(instanceName(service, instance)).toAbsolutePath());
      // Kafka Streams builds its own clients: reconciliation offers no way to pass consumer
      // settings, so its group keeps Kafka's 45 s session (a killed instance's tasks move then).
    } else {
      args.add(CONSUMER + "session.timeout.ms=" + session);
      args.add(CONSUMER + "heartbeat.interval.ms=" + heartbeat);
      args.add(CONSUMER + "max.poll.interval.ms=" + maxPoll);
    }
    if (service.equals("relay")) {
      // The chaos day reads the backlog every second: refresh it as often.
      args.add("--paystream.relay.backlog-refresh=1s");
    }
    return args;
  }

  /**
   * The instances in the order they start: every first instance together, then every second one
   * once the first are ready. Two instances of a service migrating its database at once collide in
   * Flyway's grants ({@code tuple concurrently updated}), and eight JVMs starting at once on two
   * cores take longer than two waves of four. Specs not named as instances form one wave.
   */
  public static List<List<ServiceSpec>> waves(List<ServiceSpec> specs) {
    java.util.Map<String, List<ServiceSpec>> byInstance = new java.util.TreeMap<>();
    for (ServiceSpec spec : specs) {
      String name = spec.name();
      String suffix = name.equals(serviceOf(name)) ? "" : name.substring(name.lastIndexOf('-') + 1);
      byInstance.computeIfAbsent(suffix, key -> new ArrayList<>()).add(spec);
    }
    return List.copyOf(byInstance.values());
  }
}
