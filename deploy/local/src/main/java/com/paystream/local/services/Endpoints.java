package com.paystream.local.services;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the local stack's broker and database listen. With standby ports the database URLs name
 * every server and ask for the primary, so that after a standby is promoted the services' pools
 * reconnect to it by themselves; without any they keep the single-host form. In cluster mode the
 * other brokers' ports follow the first one's in the clients' bootstrap list.
 */
public record Endpoints(
    String host,
    int kafkaPort,
    int postgresPort,
    List<Integer> standbyPorts,
    List<Integer> moreKafkaPorts) {

  public static final Endpoints DEFAULTS = new Endpoints("127.0.0.1", 19092, 15432);

  public Endpoints {
    standbyPorts = List.copyOf(standbyPorts);
    moreKafkaPorts = List.copyOf(moreKafkaPorts);
  }

  /** One broker. */
  public Endpoints(String host, int kafkaPort, int postgresPort, List<Integer> standbyPorts) {
    this(host, kafkaPort, postgresPort, standbyPorts, List.of());
  }

  /** The same database servers, with the brokers of a cluster (the first one's port first). */
  public Endpoints withBrokers(List<Integer> brokerPorts) {
    return new Endpoints(
        host,
        brokerPorts.get(0),
        postgresPort,
        standbyPorts,
        brokerPorts.subList(1, brokerPorts.size()));
  }

  /** A single database server, no standby. */
  public Endpoints(String host, int kafkaPort, int postgresPort) {
    this(host, kafkaPort, postgresPort, List.of());
  }

  /** Every broker, for the clients' {@code bootstrap.servers}. */
  public String kafkaBootstrap() {
    return Stream.concat(Stream.of(kafkaPort), moreKafkaPorts.stream())
        .map(port -> host + ":" + port)
        .collect(Collectors.joining(","));
  }

  /** pgjdbc tries the hosts in order and keeps the one that accepts writes. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + hosts() + "/" + database + primaryOnly();
  }

  /** r2dbc-postgresql needs its {@code failover} protocol for more than one host. */
  public String r2dbcUrl(String database) {
    String scheme = standbyPorts.isEmpty() ? "r2dbc:postgresql://" : "r2dbc:postgresql:failover://";
    return scheme + hosts() + "/" + database + primaryOnly();
  }

  private String hosts() {
    return Stream.concat(Stream.of(postgresPort), standbyPorts.stream())
        .map(port -> host + ":" + port)
        .collect(Collectors.joining(","));
  }

  private String primaryOnly() {
    return standbyPorts.isEmpty() ? "" : "?targetServerType=primary";
  }
}
