package com.paystream.recon.matching.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StreamsMetersTest {

  @Test
  void storeOperationMetricsAndRecordCacheRatiosAreDenied() {
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.put.latency.avg")).isTrue();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.record.e2e.latency.max")).isTrue();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.bytes.written.total")).isTrue();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.record.cache.hit.ratio.avg")).isTrue();
  }

  @Test
  void rocksDbPropertiesTheStateUpdaterAndOtherClientMetricsAreKept() {
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.block.cache.usage")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.estimate.num.keys")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.num.open.iterators")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.state.updater.idle.ratio")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.consumer.fetch.manager.records.lag")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.thread.process.rate")).isFalse();
    assertThat(StreamsMeters.neverRecorded("kafka.stream.task.dropped.records.total")).isFalse();
    assertThat(StreamsMeters.neverRecorded("paystream.dead.letters")).isFalse();
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
