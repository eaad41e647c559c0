package com.paystream.schemas.serde;

import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes generated Avro records in Confluent wire format: magic byte 0, the id under which the
 * record's schema is registered for the topic's subject, then Avro binary. Looks the id up once per
 * subject and schema, never registers. Thread-safe.
 *
 * <p>Built by Kafka from a class name, it takes its registry and subject naming from the client
 * config (see {@link AvroSerdeConfig}); built with a {@link SchemaRegistry}, it ignores those keys.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private static final Logger log = LoggerFactory.getLogger(AvroSerializer.class);

  private record SubjectSchema(String subject, Schema schema) {}

  private final Map<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();
  private final boolean explicitNaming;
  private SchemaRegistry registry;
  private SubjectNameStrategy subjects;
  private boolean isKey;

  /** For Kafka's reflective construction; {@link #configure} must be called before use. */
  public AvroSerializer() {
    this.explicitNaming = false;
    this.subjects = SubjectNameStrategy.topicName();
  }

  /** Subjects by {@code TopicNameStrategy}. */
  public AvroSerializer(SchemaRegistry registry) {
    this(registry, SubjectNameStrategy.topicName());
  }

  public AvroSerializer(SchemaRegistry registry, SubjectNameStrategy subjects) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.subjects = Objects.requireNonNull(subjects, "subjects");
    this.explicitNaming = true;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (!explicitNaming) {
      this.registry = AvroSerdeConfig.registry(configs);
      this.subjects = AvroSerdeConfig.subjectNames(configs);
    }
  }

  /**
   * The record in wire format; {@code null} stays {@code null} (a tombstone).
   *
   * @throws UnregisteredSchemaException when the record's schema is not registered for the topic
   * @throws com.paystream.schemas.registry.SchemaRegistryUnavailableException when the registry
   *     cannot be asked (transient)
   * @throws SerializationException when the record cannot be encoded (e.g. a required field null)
   */
  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    int id = schemaId(topic, subjects.subjectFor(topic, isKey), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(WireFormat.header(id));
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer(record).write(record, encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
      // Avro reports a missing required field as an NPE naming the field.
      throw new SerializationException(
          "Cannot serialize " + schema.getFullName() + " for topic '" + topic + "': " + e, e);
    }
    return out.toByteArray();
  }

  private int schemaId(String topic, String subject, Schema schema) {
    if (registry == null) {
      throw new IllegalStateException("AvroSerializer used before configure()");
    }
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id;
    try {
      id = registry.idFor(subject, schema);
    } catch (SchemaNotFoundException e) {
      throw new UnregisteredSchemaException(topic, subject, e.getMessage(), e);
    }
    ids.putIfAbsent(key, id);
    log.debug("Schema {} is id {} under subject {}", schema.getFullName(), id, subject);
    return id;
  }

  @SuppressWarnings("unchecked")
  private DatumWriter<T> writer(T record) {
    // The generated class's own SpecificData carries its logical-type conversions (UUID, Instant).
    return writers.computeIfAbsent(
        record.getSchema(),
        schema -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass())));
  }
}
