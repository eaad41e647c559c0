package com.paystream.recon.matching.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The topology's state as health: UP while RUNNING (its stores answer queries), OUT_OF_SERVICE
 * while starting or rebalancing, DOWN when it stopped or failed. Part of the readiness group.
 */
public final class ReconStreamsHealth implements HealthIndicator {

  private final ReconStreams streams;

  public ReconStreamsHealth(ReconStreams streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    return streams
        .state()
        .map(ReconStreamsHealth::of)
        .orElseGet(() -> Health.down().withDetail("state", "NOT_STARTED").build());
  }

  private static Health of(KafkaStreams.State state) {
    Health.Builder builder =
        switch (state) {
          case RUNNING -> Health.up();
          case CREATED, REBALANCING -> Health.outOfService();
          default -> Health.down();
        };
    return builder.withDetail("state", state.name()).build();
  }
}
