package com.paystream.e2e;

import static com.paystream.e2e.RegistryDecoder.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.simulator.ProviderStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One webhook followed by its trace id through the suite running as separate processes: the
 * provider's call carries a W3C {@code traceparent}; the gateway answers in the same trace, the
 * ledger's journal entry records it, the entry event and the cashflow events carry it in their
 * envelope and their {@code traceparent} header, so does reconciliation's result once the
 * provider's statement names the payment, and every service's log has a line in that trace.
 */
class TraceJourneyIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static RunningSuite suite;
  private static SuiteClient client;

  @BeforeAll
  static void startSuite() {
    suite = RunningSuite.get();
    client = new SuiteClient(suite);
  }

  @Test
  void aWebhooksTraceReachesTheEntryTheCashflowAndTheReconciliationResult() throws Exception {
    String traceId = hex(16);
    SuiteClient.Callback callback = SuiteClient.Callback.succeeded(4_321, "EUR");

    HttpResponse<String> answer =
        client.post(
            callback,
            callback.signature(),
            Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));

    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    assertThat(answer.headers().firstValue("traceparent"))
        .hasValueSatisfying(header -> assertThat(header).startsWith("00-" + traceId + "-"));
    JsonNode entries = client.awaitEntries(callback.paymentId(), 1);
    assertThat(entries.get(0).path("traceId").asText()).isEqualTo(traceId);

    client.uploadStatement(statementNaming(callback, 4_321, "EUR"));

    List<Traced> seen = tracedRecords(callback.paymentId());
    assertThat(seen)
        .extracting(Traced::topic)
        .contains(
            topic("ledger.entries.v1"), topic("ledger.cashflow.v1"), topic("recon.results.v1"));
    assertThat(seen)
        .allSatisfy(
            record -> {
              assertThat(record.envelopeTraceId()).as(record.topic()).isEqualTo(traceId);
              assertThat(record.headerTraceParent())
                  .as(record.topic())
                  .startsWith("00-" + traceId + "-");
            });
    for (String service : List.of("gateway", "relay", "ledger", "reconciliation")) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(log(service))
                      .as("the %s log has a line in trace %s", service, traceId)
                      .contains("\"trace_id\":\"" + traceId + "\""));
    }
  }

  /** A record of the payment on one of the traced topics: its envelope and header trace. */
  private record Traced(String topic, String envelopeTraceId, String headerTraceParent) {}

  /**
   * The payment's entry event, cashflow events and reconciliation result: waits until there is at
   * least one of each.
   */
  private List<Traced> tracedRecords(String paymentId) {
    String entriesTopic = topic("ledger.entries.v1");
    String cashflowTopic = topic("ledger.cashflow.v1");
    String resultsTopic = topic("recon.results.v1");
    RegistryDecoder decoder = new RegistryDecoder(client);
    List<Traced> seen = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = RegistryDecoder.consumer("trace-journey")) {
      consumer.subscribe(List.of(entriesTopic, cashflowTopic, resultsTopic));
      await()
          .atMost(SuiteClient.END_TO_END)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(500))) {
                  GenericRecord value = decoder.decode(record.value());
                  String reference =
                      record.topic().equals(resultsTopic)
                          ? text(value.get("payment_reference"))
                          : text(value.get("payment_id"));
                  if (paymentId.equals(reference)) {
                    seen.add(
                        new Traced(
                            record.topic(),
                            text(((GenericRecord) value.get("envelope")).get("trace_id")),
                            header(record, "traceparent")));
                  }
                }
                return seen.stream().map(Traced::topic).distinct().count() == 3;
              });
    }
    return seen;
  }

  /** The provider's statement for today with one payment line: the callback's payment. */
  private static String statementNaming(
      SuiteClient.Callback callback, long amountMinor, String currency) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String line =
        String.join(
            ",",
            "TRACE-" + callback.paymentId(),
            "1",
            today.toString(),
            today.toString(),
            callback.paymentId(),
            "simulator",
            "CREDIT",
            Long.toString(amountMinor),
            currency,
            "payment " + callback.paymentId(),
            "payment");
    return String.join(",", ProviderStatement.CSV_COLUMNS) + "\n" + line + "\n";
  }

  private static String topic(String name) {
    return suite.topicPrefix() + name;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String log(String service) {
    Path file = RunningSuite.logs().resolve(service + ".log");
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hex(int bytes) {
    byte[] id = new byte[bytes];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
