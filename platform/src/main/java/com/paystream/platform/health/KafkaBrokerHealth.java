package com.paystream.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The broker check as a Spring Boot health indicator, for a service's readiness group (Spring Boot
 * 4 has no Kafka indicator of its own). Its details are the number of brokers or the kind of
 * failure, never an address. Closing it closes its admin client.
 */
public final class KafkaBrokerHealth implements HealthIndicator, AutoCloseable {

  /** Under a probe's usual deadline of a few seconds, above a healthy broker's milliseconds. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Liveness, readiness and a person's curl within a second share one answer from the broker. */
  public static final Duration REUSE_FOR = Duration.ofSeconds(1);

  private final KafkaBrokerCheck check;

  public KafkaBrokerHealth(KafkaBrokerCheck check) {
    this.check = check;
  }

  /** With its own admin client built from the service's Kafka client settings. */
  public static KafkaBrokerHealth of(Map<String, Object> clientConfig) {
    return new KafkaBrokerHealth(
        KafkaBrokerCheck.create(clientConfig, TIMEOUT, REUSE_FOR, Clock.systemUTC()));
  }

  @Override
  public Health health() {
    KafkaBrokerCheck.Result result = check.check();
    return result.up()
        ? Health.up().withDetail("brokers", result.brokers()).build()
        : Health.down().withDetail("failure", result.failure()).build();
  }

  @Override
  public void close() {
    check.close();
  }
}
