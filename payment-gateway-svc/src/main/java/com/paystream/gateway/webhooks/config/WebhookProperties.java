package com.paystream.gateway.webhooks.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code paystream.webhooks.*}: the tolerance for signature timestamps, the body limit, and the
 * providers allowed to call us.
 *
 * <pre>
 * paystream.webhooks.tolerance=5m
 * paystream.webhooks.max-body-size=256KB
 * paystream.webhooks.providers.simulator.dialect=standard-webhooks
 * paystream.webhooks.providers.simulator.secrets[0]=whsec_...
 * paystream.webhooks.providers.simulator.payload-format=standard-webhooks   (default: the dialect's)
 * </pre>
 */
@ConfigurationProperties("paystream.webhooks")
public record WebhookProperties(
    @DefaultValue("5m") Duration tolerance,
    @DefaultValue("256KB") DataSize maxBodySize,
    Map<String, Provider> providers) {

  public WebhookProperties {
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /** One provider; its secrets are never printed. */
  public record Provider(String dialect, List<String> secrets, String payloadFormat) {

    public Provider {
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }

    @Override
    public String toString() {
      return "Provider[dialect="
          + dialect
          + ", secrets="
          + secrets.size()
          + " redacted, payloadFormat="
          + payloadFormat
          + "]";
    }
  }
}
