package com.paystream.ledger.booking;

import static com.paystream.ledger.support.Callbacks.callback;
import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.PaymentStatus;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryOutcome;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.client.HttpClientErrorException;

/** A callback through the real broker and PostgreSQL to the journal, the API and the topics. */
class CallbackFlowTest extends LedgerServiceTest {

  @Autowired private KafkaListenerEndpointRegistry listeners;

  @Test
  void succeededCallbackBooksOneBalancedEntryWithThreePostings() {
    PaymentCallback callback = succeeded("pay-" + UUID.randomUUID(), 10_000);

    send(callback);
    awaitProcessed(callback);

    List<EntryView> entries = entriesOf(callback.getPaymentId());
    assertThat(entries).hasSize(1);
    EntryView entry = entries.get(0);
    assertThat(entry.entryType()).isEqualTo("PAYMENT");
    assertThat(entry.sourceEventId()).isEqualTo(callback.getCallbackId());
    assertThat(entry.postings())
        .extracting(
            EntryView.PostingView::accountCode,
            EntryView.PostingView::side,
            EntryView.PostingView::amountMinor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "provider-clearing:simulator:EUR", "DEBIT", 10_000L),
            org.assertj.core.groups.Tuple.tuple("merchant:m-1:EUR", "CREDIT", 9_850L),
            org.assertj.core.groups.Tuple.tuple("fee-revenue:EUR", "CREDIT", 150L));
    assertThat(sum(entry, "DEBIT")).isEqualTo(sum(entry, "CREDIT"));
    assertThat(
            http().get().uri("/v1/entries/{id}", entry.entryId()).retrieve().body(EntryView.class))
        .isEqualTo(entry);
  }

  @Test
  void publishesTheEntryAndItsCashflowThroughTheOutbox() {
    PaymentCallback callback = succeeded("pay-" + UUID.randomUUID(), 2_500);

    send(callback);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              LedgerEntryEvent event = entryEventOf(callback);
              assertThat(event.getOutcome()).isEqualTo(EntryOutcome.POSTED);
              assertThat(event.getPaymentId()).isEqualTo(callback.getPaymentId());
              assertThat(event.getEnvelope().getCausationId())
                  .isEqualTo(callback.getCallbackId().toString());
              assertThat(event.getEntry().getPostings()).hasSize(3);
              String entryId = event.getEntry().getEntryId().toString();
              assertThat(published(topics.cashflow(), CashflowLine.class))
                  .filteredOn(line -> line.getEntryId().equals(entryId))
                  .hasSize(3)
                  .allSatisfy(
                      line -> assertThat(line.getPaymentId()).isEqualTo(callback.getPaymentId()));
            });
  }

  @Test
  void theSameCallbackTwicePostsOnce() {
    PaymentCallback callback = succeeded("pay-" + UUID.randomUUID(), 1_000);

    byte[] bytes = send(callback);
    sendRaw(topics.callbacks(), callback.getPaymentId(), bytes);
    PaymentCallback later = callback(callback.getPaymentId(), PaymentStatus.PENDING, 0, "EUR");
    send(later);
    awaitProcessed(later);

    assertThat(entriesOf(callback.getPaymentId())).hasSize(1);
  }

  @Test
  void aSecondSuccessWithAnotherCallbackIdHasNoFinancialEffect() {
    PaymentCallback first = succeeded("pay-" + UUID.randomUUID(), 1_000);
    PaymentCallback second = succeeded(first.getPaymentId(), 1_000);

    send(first);
    send(second);
    awaitProcessed(second);

    assertThat(entriesOf(first.getPaymentId())).hasSize(1);
    assertThat(outcomeOf(second)).isEqualTo("NO_FINANCIAL_EFFECT");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(entryEventOf(second).getOutcome())
                  .isEqualTo(EntryOutcome.NO_FINANCIAL_EFFECT);
              assertThat(entryEventOf(second).getEntry()).isNull();
            });
  }

  @Test
  void garbageIsDeadLetteredAndTheNextCallbackIsApplied() {
    String paymentId = "pay-" + UUID.randomUUID();
    byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    PaymentCallback next = succeeded(paymentId, 700);

    sendRaw(topics.callbacks(), paymentId, garbage);
    send(next);
    awaitProcessed(next);

    assertThat(entriesOf(paymentId)).hasSize(1);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(published(topics.deadLetters(), DeadLetter.class))
                    .filteredOn(d -> paymentId.equals(d.getPaymentId()))
                    .singleElement()
                    .satisfies(
                        letter -> {
                          assertThat(letter.getFailedBy()).isEqualTo("ledger-svc");
                          assertThat(letter.getReasonCode()).isEqualTo("NOT_CONFLUENT_FRAMING");
                          assertThat(letter.getRetryable()).isFalse();
                          assertThat(letter.getMessageId()).isNull();
                          assertThat(bytes(letter.getOriginalValue())).isEqualTo(garbage);
                        }));
  }

  @Test
  void aSuccessWithoutPositiveAmountIsDeadLetteredWithItsMessageId() {
    PaymentCallback poison = succeeded("pay-" + UUID.randomUUID(), 0);

    send(poison);
    awaitProcessed(poison);

    assertThat(outcomeOf(poison)).isEqualTo("DEAD_LETTERED");
    assertThat(entriesOf(poison.getPaymentId())).isEmpty();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(published(topics.deadLetters(), DeadLetter.class))
                    .filteredOn(d -> poison.getCallbackId().toString().equals(d.getMessageId()))
                    .singleElement()
                    .satisfies(l -> assertThat(l.getReasonCode()).isEqualTo("INVALID_AMOUNT")));
    // Counted per reason under the name every service that dead-letters uses.
    assertThat(http().get().uri("/actuator/prometheus").retrieve().body(String.class))
        .containsPattern(
            "paystream_dead_letters_total\\{[^}]*reason=\"INVALID_AMOUNT\"[^}]*\\} [1-9]");
  }

  @Test
  void replayAfterACrashBetweenDatabaseCommitAndOffsetCommitPostsNothing() throws Exception {
    PaymentCallback callback = succeeded("pay-" + UUID.randomUUID(), 4_200);
    send(callback);
    awaitProcessed(callback);
    Map<String, Long> before = bookkeepingCounts();

    // The state a kill -9 after the database commit leaves: effects committed, offsets not.
    // Both listeners share the group, so both stop (an empty group's offsets can be altered).
    Map<TopicPartition, Long> end;
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    try (Admin admin = admin()) {
      end = endOffsets(admin);
      admin
          .alterConsumerGroupOffsets(
              consumerGroup,
              end.keySet().stream()
                  .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0))))
          .all()
          .get();
    } finally {
      listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    }

    try (Admin admin = admin()) {
      await().atMost(DEADLINE).until(() -> committedOffsets(admin).equals(end));
    }
    assertThat(bookkeepingCounts()).isEqualTo(before);
    assertThat(entriesOf(callback.getPaymentId())).hasSize(1);
  }

  @Test
  void unknownEntryIsNotFoundAndAMalformedIdIsABadRequest() {
    assertThatThrownBy(
            () ->
                http()
                    .get()
                    .uri("/v1/entries/{id}", UUID.randomUUID())
                    .retrieve()
                    .body(String.class))
        .isInstanceOfSatisfying(
            HttpClientErrorException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    assertThatThrownBy(
            () -> http().get().uri("/v1/entries/not-a-uuid").retrieve().body(String.class))
        .isInstanceOfSatisfying(
            HttpClientErrorException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
  }

  @Test
  void exposesHealthProbesAndPrometheusMetrics() {
    assertThat(http().get().uri("/actuator/health/readiness").retrieve().body(String.class))
        .contains("UP");
    assertThat(http().get().uri("/actuator/health/liveness").retrieve().body(String.class))
        .contains("UP");
    assertThat(http().get().uri("/actuator/prometheus").retrieve().body(String.class))
        .contains("ledger_records_total");
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                http()
                    .get()
                    .uri("/actuator/prometheus")
                    .retrieve()
                    .body(String.class)
                    .matches("(?s).*paystream_ready\\{[^}]*\\} 1\\.0.*"));
  }

  private Map<String, Long> bookkeepingCounts() {
    return Map.of(
        "journal_entry", count("select count(*) from journal_entry"),
        "posting", count("select count(*) from posting"),
        "processed_event", count("select count(*) from processed_event"),
        "outbox", count("select count(*) from outbox"),
        "balances", count("select coalesce(sum(available_minor), 0) from account"));
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> request =
        admin
            .describeTopics(List.of(topics.callbacks()))
            .allTopicNames()
            .get()
            .get(topics.callbacks())
            .partitions()
            .stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topics.callbacks(), p.partition()),
                    p -> OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private Map<TopicPartition, Long> committedOffsets(Admin admin) throws Exception {
    Map<TopicPartition, Long> committed =
        admin
            .listConsumerGroupOffsets(consumerGroup)
            .partitionsToOffsetAndMetadata()
            .get()
            .entrySet()
            .stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    // Partitions never written to have no committed offset; they are at their end (0) anyway.
    return endOffsetsOrZero(committed);
  }

  private Map<TopicPartition, Long> endOffsetsOrZero(Map<TopicPartition, Long> committed)
      throws Exception {
    try (Admin admin = admin()) {
      return endOffsets(admin).keySet().stream()
          .collect(Collectors.toMap(tp -> tp, tp -> committed.getOrDefault(tp, 0L)));
    }
  }

  private String outcomeOf(PaymentCallback callback) {
    return jdbc.queryForObject(
        "select outcome from processed_event where source_event_id = ?",
        String.class,
        callback.getCallbackId());
  }

  private LedgerEntryEvent entryEventOf(PaymentCallback callback) {
    return published(topics.entries(), LedgerEntryEvent.class).stream()
        .filter(e -> e.getSourceEventId().equals(callback.getCallbackId().toString()))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two entry events for " + callback.getCallbackId());
            })
        .orElseThrow(
            () -> new AssertionError("no entry event yet for " + callback.getCallbackId()));
  }

  private static long sum(EntryView entry, String side) {
    return entry.postings().stream()
        .filter(p -> p.side().equals(side))
        .mapToLong(EntryView.PostingView::amountMinor)
        .sum();
  }

  private static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }
}
