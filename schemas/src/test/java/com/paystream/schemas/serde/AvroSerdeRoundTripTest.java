package com.paystream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SampleRecords;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.topics.Topic;
import com.paystream.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeRoundTripTest {

  private final PinnedSchemaRegistry registry = PinnedSchemaRegistry.bundled();

  static Stream<Topic<?>> topics() {
    return Topics.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void everyTopicsValueSurvivesARoundTrip(Topic<?> topic) {
    SpecificRecord sample = SampleRecords.byType().get(topic.valueType());

    byte[] bytes = serialize(topic, sample);
    Object decoded = deserialize(topic, bytes);

    assertThat(decoded).isInstanceOf(topic.valueType()).isEqualTo(sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void wireFormatIsMagicByteZeroThenThePinnedIdBigEndian(Topic<?> topic) {
    SpecificRecord sample = SampleRecords.byType().get(topic.valueType());
    int pinnedId = registry.latest(topic.valueSubject()).id();

    byte[] bytes = serialize(topic, sample);

    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(pinnedId);
    assertThat(bytes.length).isGreaterThan(5);
  }

  @Test
  void nullStaysNullBothWays() {
    Serde<PaymentCallback> serde = Topics.PAYMENT_CALLBACKS.valueSerde(registry);

    assertThat(serde.serializer().serialize("payments.callbacks.v1", null)).isNull();
    assertThat(serde.deserializer().deserialize("payments.callbacks.v1", null)).isNull();
  }

  @Test
  void kafkaConfiguredSerdeUsesThePinnedRegistryAndTheClassNamedByTheWriter() {
    try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
        AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>()) {
      serializer.configure(Map.of(), false);
      deserializer.configure(Map.of(), false);

      byte[] callback = serializer.serialize("payments.callbacks.v1", SampleRecords.callback());
      byte[] line = serializer.serialize("bank.statements.v1", SampleRecords.statementLine());

      assertThat(deserializer.deserialize("payments.callbacks.v1", callback))
          .isEqualTo(SampleRecords.callback());
      assertThat(deserializer.deserialize("bank.statements.v1", line))
          .isEqualTo(SampleRecords.statementLine());
    }
  }

  @Test
  void configuredTopicPrefixIsIgnoredWhenDerivingTheSubject() {
    try (AvroSerializer<PaymentCallback> serializer = new AvroSerializer<>()) {
      serializer.configure(Map.of(AvroSerdeConfig.TOPIC_PREFIX, "it-7f3."), false);

      byte[] bytes = serializer.serialize("it-7f3.payments.callbacks.v1", SampleRecords.callback());

      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(102);
    }
  }

  @Test
  void prefixedCatalogueTopicKeepsItsSubjectAndId() {
    Topic<PaymentCallback> topic = Topics.PAYMENT_CALLBACKS.withPrefix("test-42.");
    Serde<PaymentCallback> serde = topic.valueSerde(Map.of());

    byte[] bytes = serde.serializer().serialize(topic.name(), SampleRecords.callback());

    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(102);
    assertThat(serde.deserializer().deserialize(topic.name(), bytes))
        .isEqualTo(SampleRecords.callback());
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> byte[] serialize(Topic<V> topic, SpecificRecord value) {
    return topic.valueSerde(registry).serializer().serialize(topic.name(), (V) value);
  }

  private <V extends SpecificRecord> V deserialize(Topic<V> topic, byte[] bytes) {
    return topic.valueSerde(registry).deserializer().deserialize(topic.name(), bytes);
  }
}
