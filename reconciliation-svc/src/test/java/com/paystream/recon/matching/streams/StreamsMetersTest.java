package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsMetersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka.stream.state.put.latency.avg",
        "kafka.stream.state.record.e2e.latency.max",
        "kafka.stream.state.bytes.written.total",
        "kafka.stream.record.cache.hit.ratio.avg"
      })
  void storeOperationMetricsAndRecordCacheRatiosAreDenied(String name) {
    assertThat(StreamsMeters.neverRecorded(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kafka.stream.state.block.cache.usage",
        "kafka.stream.state.estimate.num.keys",
        "kafka.stream.state.num.open.iterators",
        "kafka.stream.state.updater.idle.ratio",
        "kafka.consumer.fetch.manager.records.lag",
        "kafka.stream.thread.process.rate",
        "kafka.stream.task.dropped.records.total",
        "paystream.dead.letters"
      })
  void rocksDbPropertiesTheStateUpdaterAndOtherClientMetricsAreKept(String name) {
    assertThat(StreamsMeters.neverRecorded(name)).isFalse();
  }

  @Test
  void aRegistryWithTheFilterRegistersNoDeniedMeter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(StreamsMeters.unrecordedStoreMetersDenied());

    registry.gauge("kafka.stream.state.put.rate", Tags.of("task.id", "0_0"), 0.0);
    registry.gauge("kafka.stream.state.size.all.mem.tables", Tags.of("task.id", "0_0"), 1.0);

    assertThat(registry.getMeters())
        .extracting(meter -> meter.getId().getName())
        .containsExactly("kafka.stream.state.size.all.mem.tables");
  }
}
