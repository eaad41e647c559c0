package com.paystream.gateway.testsupport;

import com.paystream.simulator.ProviderSimulator;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Wires the gateway under test and a {@link ProviderSimulator} to each other: the gateway trusts
 * the simulator's webhook secret and calls its HTTP API; the simulator sends its webhooks to the
 * gateway's port.
 */
public final class SimulatedProvider {

  private SimulatedProvider() {}

  /** The gateway's side: the simulator's webhook secret and base URL as provider "simulator". */
  public static void register(
      DynamicPropertyRegistry registry, String webhookSecret, ProviderSimulator simulator) {
    registry.add("paystream.webhooks.providers.simulator.secrets[0]", () -> webhookSecret);
    registry.add("paystream.providers.clients.simulator.base-url", simulator::baseUrl);
  }

  /** The simulator's side, once the gateway listens on {@code port}; returns a client for it. */
  public static WebTestClient connect(int port, ProviderSimulator simulator) {
    simulator.webhookUrl("http://localhost:" + port + "/v1/webhooks/simulator");
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }
}
