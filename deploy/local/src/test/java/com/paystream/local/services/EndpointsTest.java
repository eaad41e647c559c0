package com.paystream.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void namesTheOneServerWhenNoStandbyIsConfigured() {
    Endpoints endpoints = new Endpoints("127.0.0.1", 19092, 15432);

    assertThat(endpoints.jdbcUrl("ledger")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/ledger");
    assertThat(endpoints.r2dbcUrl("gateway"))
        .isEqualTo("r2dbc:postgresql://127.0.0.1:15432/gateway");
  }

  @Test
  void namesPrimaryAndStandbysAndAsksForThePrimaryWhenStandbysAreConfigured() {
    Endpoints endpoints = new Endpoints("127.0.0.1", 19092, 15432, List.of(15433, 15434));

    assertThat(endpoints.jdbcUrl("ledger"))
        .isEqualTo(
            "jdbc:postgresql://127.0.0.1:15432,127.0.0.1:15433,127.0.0.1:15434/ledger"
                + "?targetServerType=primary");
    assertThat(endpoints.r2dbcUrl("gateway"))
        .isEqualTo(
            "r2dbc:postgresql:failover://127.0.0.1:15432,127.0.0.1:15433,127.0.0.1:15434/gateway"
                + "?targetServerType=primary");
  }

  @Test
  void keepsItsOwnCopyOfTheStandbyPorts() {
    List<Integer> ports = new ArrayList<>(List.of(15433));
    Endpoints endpoints = new Endpoints("127.0.0.1", 19092, 15432, ports);

    ports.add(15434);

    assertThat(endpoints.standbyPorts()).containsExactly(15433);
  }
}
