package com.paystream.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.booking.OutboxBundle;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.support.TopicReader;
import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.PublishTracing;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.testkit.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The fan-out against the real broker: what a bundle row puts on the topics. */
class BundleFanOutProducerTest {

  private final String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
  private final String prefix = SharedInfrastructure.uniqueName("fanout") + ".";
  private final String entries = prefix + "ledger.entries.v1";
  private final String cashflow = prefix + "ledger.cashflow.v1";

  @Test
  void aBundleRowBecomesItsRecordsInOrderEachWithItsOwnIdsAndTheRowsAttempt() throws Exception {
    createTopics();
    List<OutboxMessage> messages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      messages.add(
          new OutboxMessage(
              UUID.randomUUID(),
              i % 3 == 0 ? entries : cashflow,
              "account-" + (i % 2),
              ("value-" + i).getBytes(StandardCharsets.UTF_8),
              i == 1 ? "" : "trace-" + i));
    }
    OutboxMessage row = OutboxBundle.pack(messages, 1_000).get(0);
    ProducerRecord<String, byte[]> sent =
        new ProducerRecord<>(row.topic(), row.key(), row.payload());
    sent.headers().add(OutboxHeaders.DELIVERY_ATTEMPT, "2".getBytes(StandardCharsets.UTF_8));

    try (BundleFanOutProducer producer =
        new BundleFanOutProducer(ReliableProducer.create(bootstrap, "fan-out-test"))) {
      RecordMetadata acknowledged = producer.send(sent).get();
      assertThat(acknowledged).isNotNull();
    }

    List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
    published.addAll(TopicReader.readAll(bootstrap, entries));
    published.addAll(TopicReader.readAll(bootstrap, cashflow));
    assertThat(published).hasSize(messages.size());
    for (OutboxMessage message : messages) {
      ConsumerRecord<String, byte[]> record =
          published.stream()
              .filter(
                  r -> header(r, OutboxHeaders.MESSAGE_ID).equals(message.messageId().toString()))
              .findFirst()
              .orElseThrow();
      assertThat(record.topic()).isEqualTo(message.topic());
      assertThat(record.key()).isEqualTo(message.key());
      assertThat(record.value()).isEqualTo(message.payload());
      assertThat(header(record, OutboxHeaders.DELIVERY_ATTEMPT)).isEqualTo("2");
      assertThat(
              record.headers().lastHeader(OutboxHeaders.TRACE_ID) == null
                  ? ""
                  : header(record, OutboxHeaders.TRACE_ID))
          .isEqualTo(message.traceId());
    }
    // Per key and topic, the bundle's order (one partition per topic here: offsets show it).
    assertThat(TopicReader.readAll(bootstrap, cashflow))
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactly("value-1", "value-2", "value-4", "value-5");
  }

  @Test
  void eachRecordOfABundleIsPublishedAsAChildOfTheSpanThatCausedIt() throws Exception {
    createTopics();
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    OutboxMessage traced =
        new OutboxMessage(
            UUID.randomUUID(), entries, "p", new byte[] {1}, trace, "00f067aa0ba902b7");
    OutboxMessage untraced =
        new OutboxMessage(UUID.randomUUID(), cashflow, "a", new byte[] {2}, "", "");
    OutboxMessage row = OutboxBundle.pack(List.of(traced, untraced), 1_000).get(0);
    List<String> opened = new ArrayList<>();
    // Stands in for Traces.publications: a "producer span" 1111... of the row's trace.
    PublishTracing tracing =
        published ->
            published
                .traceParent()
                .map(
                    parent -> {
                      opened.add(published.messageId() + " " + published.topic());
                      return PublishTracing.Publication.of(
                          TraceParent.of(parent.traceId(), "1111111111111111"));
                    })
                .orElseGet(() -> PublishTracing.Publication.of(java.util.Optional.empty()));

    try (BundleFanOutProducer producer =
        new BundleFanOutProducer(ReliableProducer.create(bootstrap, "fan-out-test"), tracing)) {
      producer.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())).get();
    }

    assertThat(opened).containsExactly(traced.messageId() + " " + entries);
    assertThat(TopicReader.readAll(bootstrap, entries))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(header(r, OutboxHeaders.TRACEPARENT))
                  .isEqualTo("00-" + trace + "-1111111111111111-01");
              assertThat(header(r, OutboxHeaders.TRACE_ID)).isEqualTo(trace);
            });
    assertThat(TopicReader.readAll(bootstrap, cashflow))
        .singleElement()
        .satisfies(r -> assertThat(r.headers().lastHeader(OutboxHeaders.TRACEPARENT)).isNull());
  }

  @Test
  void aPlainRecordPassesThroughUnchanged() throws Exception {
    createTopics();
    try (BundleFanOutProducer producer =
        new BundleFanOutProducer(ReliableProducer.create(bootstrap, "fan-out-test"))) {
      producer.send(new ProducerRecord<>(entries, "k", new byte[] {0, 1, 2})).get();
    }

    assertThat(TopicReader.readAll(bootstrap, entries))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo("k");
              assertThat(r.value()).containsExactly(0, 1, 2);
            });
  }

  private void createTopics() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              List.of(new NewTopic(entries, 1, (short) 1), new NewTopic(cashflow, 1, (short) 1)))
          .all()
          .get();
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
