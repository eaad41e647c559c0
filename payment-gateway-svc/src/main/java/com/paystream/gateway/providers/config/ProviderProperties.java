package com.paystream.gateway.providers.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paystream.providers.clients.<name>.*}: where each provider's API is and how to call it.
 *
 * <pre>
 * paystream.providers.clients.simulator.base-url=http://localhost:8090
 * paystream.providers.clients.simulator.api-key=...     (sent as Bearer; optional)
 * paystream.providers.clients.simulator.timeout=3s
 * </pre>
 */
@ConfigurationProperties("paystream.providers")
public record ProviderProperties(Map<String, Provider> clients) {

  public ProviderProperties {
    clients = clients == null ? Map.of() : Map.copyOf(clients);
  }

  /** One provider's API endpoint. */
  public record Provider(URI baseUrl, String apiKey, @DefaultValue("3s") Duration timeout) {

    @Override
    public String toString() {
      return "Provider[baseUrl=" + baseUrl + ", apiKey=redacted, timeout=" + timeout + "]";
    }
  }
}
