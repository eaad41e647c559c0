package com.paystream.schemas.serde;

import com.paystream.schemas.registry.CompatibilityGate;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.serde.UndecodableRecordException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Confluent wire format into generated Avro classes. The writer schema comes from the
 * registry by the id in the header, and is resolved against the reader schema of the target class,
 * so records written with an older or newer compatible version decode. The writer schema, the
 * compatibility verdict and the {@link DatumReader} are cached per id: one registry call per id,
 * not per record. Thread-safe.
 *
 * <p>Without a target class (Kafka's reflective construction, or a consumer of several topics) the
 * class is the generated one named like the writer schema.
 *
 * <p>Bytes that can never be decoded throw {@link UndecodableRecordException} with a {@link
 * Reason}; a registry that cannot be asked throws {@link
 * com.paystream.schemas.registry.SchemaRegistryUnavailableException} (retry, don't dead-letter).
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private static final Logger log = LoggerFactory.getLogger(AvroDeserializer.class);

  /** How records written with one schema id are read: a reader, or why there is none. */
  private record Resolution<T>(DatumReader<T> reader, String incompatibility) {}

  private final Map<Integer, Resolution<T>> resolutions = new ConcurrentHashMap<>();
  private final Class<T> type;
  private final boolean explicitRegistry;
  private SchemaRegistry registry;
  private boolean isKey;

  /** For Kafka's reflective construction: registry from {@link #configure}, class per writer. */
  public AvroDeserializer() {
    this.type = null;
    this.explicitRegistry = false;
  }

  /** Registry from {@link #configure}. */
  public AvroDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.explicitRegistry = false;
  }

  /**
   * @param type the generated class to read into, or null for the class named like the writer
   */
  public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.type = type;
    this.explicitRegistry = true;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    if (!explicitRegistry) {
      this.registry = AvroSerdeConfig.registry(configs);
    }
  }

  /**
   * The decoded record; {@code null} stays {@code null} (a tombstone).
   *
   * @throws UndecodableRecordException when the bytes can never be decoded (dead-letter them)
   * @throws com.paystream.schemas.registry.SchemaRegistryUnavailableException when the registry
   *     cannot be asked (transient)
   */
  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (data.length == 0) {
      throw undecodable(topic, Reason.EMPTY, null, "0 bytes", null);
    }
    if (data[0] != WireFormat.MAGIC_BYTE) {
      throw undecodable(
          topic,
          Reason.NOT_CONFLUENT_FRAMING,
          null,
          "first byte is 0x%02x, not the magic byte 0x00".formatted(data[0]),
          null);
    }
    if (data.length < WireFormat.HEADER_LENGTH) {
      throw undecodable(
          topic,
          Reason.NOT_CONFLUENT_FRAMING,
          null,
          "%d bytes, shorter than the 5-byte header".formatted(data.length),
          null);
    }
    int schemaId = WireFormat.schemaId(data);
    Resolution<T> resolution = resolve(topic, schemaId);
    if (resolution.incompatibility() != null) {
      throw undecodable(
          topic, Reason.INCOMPATIBLE_SCHEMA, schemaId, resolution.incompatibility(), null);
    }
    return decode(topic, schemaId, resolution.reader(), data);
  }

  private T decode(String topic, int schemaId, DatumReader<T> reader, byte[] data) {
    BinaryDecoder binary =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
    BoundedDecoder decoder = new BoundedDecoder(binary);
    T record;
    int trailing;
    try {
      record = reader.read(null, decoder);
      trailing = decoder.remaining();
    } catch (IOException | RuntimeException e) {
      // EOF, bad lengths, enum or union index out of range, malformed UUID text...
      throw undecodable(
          topic, Reason.CORRUPT_AVRO, schemaId, "body does not match its schema: " + e, e);
    }
    if (trailing > 0) {
      throw undecodable(
          topic,
          Reason.CORRUPT_AVRO,
          schemaId,
          trailing + " bytes left after the record (written with another schema than its id says?)",
          null);
    }
    return record;
  }

  private Resolution<T> resolve(String topic, int schemaId) {
    Resolution<T> cached = resolutions.get(schemaId);
    if (cached != null) {
      return cached;
    }
    if (registry == null) {
      throw new IllegalStateException("AvroDeserializer used before configure()");
    }
    Schema writer;
    try {
      if (schemaId < 1) {
        throw SchemaNotFoundException.id(schemaId);
      }
      writer = registry.byId(schemaId);
    } catch (SchemaNotFoundException e) {
      // Not cached: a registry that learns the id later (a new version deployed) decodes it then.
      throw undecodable(topic, Reason.UNKNOWN_SCHEMA_ID, schemaId, e.getMessage(), e);
    }
    Resolution<T> resolution = resolutionFor(writer);
    log.debug("Schema id {} ({}) resolved for topic {}", schemaId, writer.getFullName(), topic);
    Resolution<T> raced = resolutions.putIfAbsent(schemaId, resolution);
    return raced != null ? raced : resolution;
  }

  private Resolution<T> resolutionFor(Schema writer) {
    Class<?> target = type != null ? type : SpecificData.get().getClass(writer);
    if (target == null || !SpecificRecord.class.isAssignableFrom(target)) {
      return new Resolution<>(
          null,
          "no generated class for writer schema " + writer.getFullName() + " on the classpath");
    }
    SpecificData model = SpecificData.getForClass(target);
    Schema reader = model.getSchema(target);
    List<String> problems = CompatibilityGate.incompatibilities(reader, writer);
    if (!problems.isEmpty()) {
      return new Resolution<>(
          null,
          "%s cannot be read as %s: %s"
              .formatted(writer.getFullName(), target.getName(), String.join("; ", problems)));
    }
    DatumReader<T> datumReader = new SpecificDatumReader<T>(writer, reader, model);
    return new Resolution<>(datumReader, null);
  }

  private UndecodableRecordException undecodable(
      String topic, Reason reason, Integer schemaId, String detail, Throwable cause) {
    String part = isKey ? "key: " : "value: ";
    return new UndecodableRecordException(topic, reason, schemaId, part + detail, cause);
  }
}
