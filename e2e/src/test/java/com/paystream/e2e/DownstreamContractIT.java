package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.testkit.SharedInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A downstream team's view of the ledger topics: a consumer that knows no generated class and no
 * schema, only the registry URL the ledger serves, decodes {@code ledger.entries.v1} and {@code
 * ledger.cashflow.v1} the way any Confluent-compatible deserializer does (magic byte, schema id,
 * writer schema fetched from {@code /schemas/ids/{id}}, Avro binary).
 */
class DownstreamContractIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunningSuite suite;
  private static SuiteClient client;
  private final Map<Integer, Schema> writerSchemas = new HashMap<>();

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.get();
    client = new SuiteClient(suite);
  }

  @Test
  void aGenericConsumerDecodesTheLedgerTopicsWithOnlyTheRegistryUrl() throws Exception {
    SuiteClient.Callback callback = SuiteClient.Callback.succeeded(12_345, "GBP");
    assertThat(client.post(callback, callback.signature()).statusCode()).isBetween(200, 299);
    client.awaitEntries(callback.paymentId(), 1);

    List<GenericRecord> entries = new ArrayList<>();
    List<GenericRecord> cashflow = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      String entriesTopic = suite.topicPrefix() + "ledger.entries.v1";
      String cashflowTopic = suite.topicPrefix() + "ledger.cashflow.v1";
      consumer.subscribe(List.of(entriesTopic, cashflowTopic));
      await()
          .atMost(SuiteClient.END_TO_END)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  GenericRecord value = decode(record.value());
                  if (!callback.paymentId().equals(text(value.get("payment_id")))) {
                    continue;
                  }
                  (record.topic().equals(entriesTopic) ? entries : cashflow).add(value);
                }
                return entries.size() == 1 && cashflow.size() == 3;
              });
    }

    GenericRecord entryEvent = entries.get(0);
    assertThat(entryEvent.getSchema().getFullName()).endsWith("LedgerEntryEvent");
    assertThat(text(entryEvent.get("outcome"))).isEqualTo("POSTED");
    GenericRecord entry = (GenericRecord) entryEvent.get("entry");
    @SuppressWarnings("unchecked")
    List<GenericRecord> postings = (List<GenericRecord>) entry.get("postings");
    assertThat(postings).hasSize(3);
    assertThat(sum(postings, "DEBIT")).isEqualTo(12_345).isEqualTo(sum(postings, "CREDIT"));
    assertThat(postings).allSatisfy(p -> assertThat(text(p.get("currency"))).isEqualTo("GBP"));
    assertThat(cashflow)
        .extracting(line -> text(line.get("entry_id")))
        .containsOnly(text(entry.get("entry_id")));
    assertThat(cashflow)
        .extracting(line -> text(line.get("account_code")))
        .containsExactlyInAnyOrder(
            "provider-clearing:simulator:GBP", "merchant:m-e2e:GBP", "fee-revenue:GBP");
  }

  @Test
  void theRegistryAnswersTheLookupsADeserializerMakes() throws Exception {
    HttpResponse<String> subjects = client.get("ledger", "/schema-registry/subjects");
    HttpResponse<String> latest =
        client.get("ledger", "/schema-registry/subjects/ledger.entries.v1-value/versions/latest");
    HttpResponse<String> unknown = client.get("ledger", "/schema-registry/schemas/ids/424242");

    assertThat(subjects.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(subjects.body()).toString())
        .contains("\"ledger.entries.v1-value\"", "\"ledger.cashflow.v1-value\"");
    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(latest.body()).get("schema").asText()).contains("LedgerEntryEvent");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error_code").asInt()).isEqualTo(40403);
  }

  /** Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro binary. */
  private GenericRecord decode(byte[] value) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(value);
    assertThat(buffer.get()).isZero();
    Schema writer = writerSchemas.computeIfAbsent(buffer.getInt(), this::fetchSchema);
    GenericDatumReader<GenericRecord> reader =
        new GenericDatumReader<>(writer, writer, GenericData.get());
    return reader.read(
        null,
        DecoderFactory.get().binaryDecoder(value, buffer.position(), buffer.remaining(), null));
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

  private static long sum(List<GenericRecord> postings, String side) {
    return postings.stream()
        .filter(p -> side.equals(text(p.get("side"))))
        .mapToLong(p -> (Long) p.get("amount_minor"))
        .sum();
  }

  private static String text(Object avroValue) {
    return avroValue == null ? null : avroValue.toString();
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "downstream-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }
}
