package com.paystream.local.services;

/** Where the local stack's broker and database listen. */
public record Endpoints(String host, int kafkaPort, int postgresPort) {

  public static final Endpoints DEFAULTS = new Endpoints("127.0.0.1", 19092, 15432);

  public String kafkaBootstrap() {
    return host + ":" + kafkaPort;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + database;
  }

  public String r2dbcUrl(String database) {
    return "r2dbc:postgresql://" + host + ":" + postgresPort + "/" + database;
  }
}
