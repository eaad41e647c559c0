package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private final Properties settings = MatchingTopologyTest.config();

  @Test
  void resultsStateAndOffsetsCommitInOneTransaction() {
    assertThat(settings.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void aTaskDoesNotIdleForItsEmptyPartitions() {
    // Kafka Streams 4.2 formats a log message per empty partition on every look when idling is on.
    assertThat(new StreamsConfig(settings).getLong(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG))
        .isEqualTo(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
  }
}
