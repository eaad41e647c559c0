package com.paystream.e2e;

import static com.paystream.e2e.RegistryDecoder.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    RegistryDecoder decoder = new RegistryDecoder(client);
    try (KafkaConsumer<byte[], byte[]> consumer = RegistryDecoder.consumer("downstream")) {
      String entriesTopic = suite.topicPrefix() + "ledger.entries.v1";
      String cashflowTopic = suite.topicPrefix() + "ledger.cashflow.v1";
      consumer.subscribe(List.of(entriesTopic, cashflowTopic));
      await()
          .atMost(SuiteClient.END_TO_END)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  GenericRecord value = decoder.decode(record.value());
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

  private static long sum(List<GenericRecord> postings, String side) {
    return postings.stream()
        .filter(p -> side.equals(text(p.get("side"))))
        .mapToLong(p -> (Long) p.get("amount_minor"))
        .sum();
  }
}
