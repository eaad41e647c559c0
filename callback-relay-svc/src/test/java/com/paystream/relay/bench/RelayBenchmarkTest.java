package com.paystream.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark command, run only when asked for: {@code ./mvnw -o -q -pl callback-relay-svc test
 * -Dtest=RelayBenchmarkTest -Drelay.benchmark=100000}. Prints the figures and a last JSON line.
 */
@EnabledIfSystemProperty(named = "relay.benchmark", matches = "\\d+")
class RelayBenchmarkTest {

  @Test
  void measuresCommitToTopicLatencyAndThroughputBesideARawProducer() throws Exception {
    int backlog = Integer.parseInt(System.getProperty("relay.benchmark"));
    int rate = Integer.parseInt(System.getProperty("relay.benchmark.rate", "1000"));
    int warmup = Integer.parseInt(System.getProperty("relay.benchmark.warmup", "5"));
    int seconds = Integer.parseInt(System.getProperty("relay.benchmark.seconds", "20"));
    int batch = Integer.parseInt(System.getProperty("relay.benchmark.batch", "5000"));
    int rounds = Integer.parseInt(System.getProperty("relay.benchmark.rounds", "7"));

    String json = RelayBenchmark.run(backlog, rate, warmup, seconds, batch, rounds);

    assertThat(json).startsWith("{\"rate\":" + rate);
  }
}
