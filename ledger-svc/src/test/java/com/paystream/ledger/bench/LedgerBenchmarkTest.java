package com.paystream.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The benchmark command, run only when asked for: {@code ./mvnw -o -q -pl ledger-svc test
 * -Dtest=LedgerBenchmarkTest -Dledger.benchmark=100000}. Prints the figures and a last JSON line.
 */
@EnabledIfSystemProperty(named = "ledger.benchmark", matches = "\\d+")
class LedgerBenchmarkTest {

  @Test
  void appliesCallbacksFromTheTopicAndComparesWithDirectBatchWrites() throws Exception {
    int entries = Integer.parseInt(System.getProperty("ledger.benchmark"));
    int batch = Integer.parseInt(System.getProperty("ledger.benchmark.batch", "1000"));
    boolean publish = Boolean.parseBoolean(System.getProperty("ledger.benchmark.publish", "false"));
    int warmup =
        Integer.parseInt(
            System.getProperty(
                "ledger.benchmark.warmup",
                Integer.toString(Math.min(entries, LedgerBenchmark.DEFAULT_WARMUP))));

    String json = LedgerBenchmark.run(entries, batch, publish, warmup);

    assertThat(json).startsWith("{\"entries\":" + entries);
  }
}
