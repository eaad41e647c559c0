package com.paystream.local.services;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the local stack's broker and database listen. With standby ports the database URLs name
 * every server and ask for the primary, so that after a standby is promoted the services' pools
 * reconnect to it by themselves; without any they keep the single-host form.
 */
public record Endpoints(String host, int kafkaPort, int postgresPort, List<Integer> standbyPorts) {

  public static final Endpoints DEFAULTS = new Endpoints("127.0.0.1", 19092, 15432);

  public Endpoints {
    standbyPorts = List.copyOf(standbyPorts);
  }

  /** A single database server, no standby. */
  public Endpoints(String host, int kafkaPort, int postgresPort) {
    this(host, kafkaPort, postgresPort, List.of());
  }

  public String kafkaBootstrap() {
    return host + ":" + kafkaPort;
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
