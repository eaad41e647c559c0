package com.paystream.schemas.serde;

import com.paystream.schemas.registry.SchemaRegistry;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka {@link Serde} (Kafka Streams,
 * tests). Prefer {@code Topic.valueSerde(...)} from the topic catalogue, which picks the subject.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** For Kafka's reflective construction: everything from {@link #configure}. */
  public AvroSerde() {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new AvroDeserializer<>();
  }

  /** Registry and subject naming from {@link #configure}. */
  public AvroSerde(Class<T> type) {
    this.serializer = new AvroSerializer<>();
    this.deserializer = new AvroDeserializer<>(type);
  }

  /** Subjects by {@code TopicNameStrategy}. */
  public AvroSerde(SchemaRegistry registry, Class<T> type) {
    this(registry, type, SubjectNameStrategy.topicName());
  }

  public AvroSerde(SchemaRegistry registry, Class<T> type, SubjectNameStrategy subjects) {
    this.serializer = new AvroSerializer<>(registry, subjects);
    this.deserializer = new AvroDeserializer<>(registry, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
