package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.testkit.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Decodes the suite's topics the way any Confluent-compatible deserializer does, knowing no
 * generated class and no schema: magic byte, schema id, writer schema fetched from the registry the
 * ledger serves ({@code /schema-registry/schemas/ids/{id}}), Avro binary.
 */
final class RegistryDecoder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SuiteClient client;
  private final Map<Integer, Schema> writerSchemas = new HashMap<>();

  RegistryDecoder(SuiteClient client) {
    this.client = client;
  }

  /** Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
  GenericRecord decode(byte[] value) {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    assertThat(buffer.get()).isZero();
    Schema writer = writerSchemas.computeIfAbsent(buffer.getInt(), this::fetchSchema);
    GenericDatumReader<GenericRecord> reader =
        new GenericDatumReader<>(writer, writer, GenericData.get());
    try {
      return reader.read(
          null,
          DecoderFactory.get().binaryDecoder(value, buffer.position(), buffer.remaining(), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Schema fetchSchema(int id) {
    try {
      HttpResponse<String> response = client.get("ledger", "/schema-registry/schemas/ids/" + id);
      assertThat(response.statusCode()).as("schema id %d", id).isEqualTo(200);
      return new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot fetch schema " + id, e);
    }
  }

  static String text(Object avroValue) {
    return avroValue == null ? null : avroValue.toString();
  }

  /** A consumer of a fresh group from the earliest offset, bytes in, bytes out. */
  static KafkaConsumer<byte[], byte[]> consumer(String groupPrefix) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            groupPrefix + "-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
