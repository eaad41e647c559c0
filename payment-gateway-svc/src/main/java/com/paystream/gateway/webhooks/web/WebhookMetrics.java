package com.paystream.gateway.webhooks.web;

import com.paystream.gateway.webhooks.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The intake figures an SRE watches: rejections by provider and reason, and intake latency by
 * outcome. Provider tags are limited to configured names ({@code unknown} otherwise) so that a
 * caller cannot blow up the number of time series by inventing provider names.
 */
@Component
public class WebhookMetrics {

  static final String UNKNOWN_PROVIDER = "unknown";

  private final MeterRegistry registry;

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public Timer.Sample start() {
    return Timer.start(registry);
  }

  public void rejected(String provider, RejectionReason reason, Timer.Sample sample) {
    Counter.builder("paystream.webhook.rejections")
        .description("Webhooks refused, by provider and reason")
        .tag("provider", provider)
        .tag("reason", reason.code())
        .register(registry)
        .increment();
    stop(sample, provider, "rejected");
  }

  public void accepted(String provider, boolean duplicate, Timer.Sample sample) {
    stop(sample, provider, duplicate ? "duplicate" : "recorded");
  }

  public void failed(String provider, Timer.Sample sample) {
    stop(sample, provider, "failed");
  }

  private void stop(Timer.Sample sample, String provider, String outcome) {
    sample.stop(
        Timer.builder("paystream.webhook.intake")
            .description("Time from request to answer of the webhook intake")
            .tag("provider", provider)
            .tag("outcome", outcome)
            .register(registry));
  }

  static String providerTag(String provider, Set<String> known) {
    return known.contains(provider) ? provider : UNKNOWN_PROVIDER;
  }
}
