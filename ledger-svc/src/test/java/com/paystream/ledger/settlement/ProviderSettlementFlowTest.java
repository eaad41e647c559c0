package com.paystream.ledger.settlement;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.accounts.persistence.Statement;
import com.paystream.ledger.journal.EntryIds;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.platform.tracing.TraceParent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.common.Envelope;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.recon.SettlementKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

/**
 * Provider payouts from {@code recon.settlements.v1} through the real broker and PostgreSQL to the
 * journal, the accounts' statements and the ledger's topics.
 */
class ProviderSettlementFlowTest extends LedgerServiceTest {

  private static final String LISTENER = "ledger-provider-settlements";

  @Autowired private KafkaListenerEndpointRegistry listeners;

  private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

  /** A provider of its own per test, so that its clearing and fee accounts are the test's alone. */
  private static String newProvider() {
    return "sim-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Settlement.Builder payout(
      String provider, long payments, long refunds, long fees, long unexplained) {
    long bank = payments - refunds - fees + unexplained;
    return Settlement.newBuilder()
        .setEnvelope(
            Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setCausationId("recon-" + provider)
                .setOccurredAt(Instant.now())
                .setRecordedAt(Instant.now())
                .setTraceId("")
                .build())
        .setSettlementId("po_" + provider + "_EUR_" + TODAY.toString().replace("-", ""))
        .setKind(SettlementKind.PROVIDER_PAYOUT)
        .setProvider(provider)
        .setCurrency("EUR")
        .setBusinessDate(TODAY)
        .setValueDate(TODAY)
        .setBankAmountMinor(bank)
        .setPaymentsMinor(payments)
        .setRefundsMinor(refunds)
        .setFeesMinor(fees)
        .setChargebacksMinor(0)
        .setToleratedMinor(0)
        .setUnexplainedMinor(unexplained)
        .setLineCount(3)
        .setStatementId("bank-EUR-" + TODAY)
        .setStatementLineId("line-1")
        .setBreakId(unexplained == 0 ? null : "brk-" + provider);
  }

  private byte[] send(Settlement settlement) {
    return send(settlement, Map.of());
  }

  private byte[] send(Settlement settlement, Map<String, String> headers) {
    byte[] value = encode(topics.settlements(), settlement);
    sendRaw(topics.settlements(), settlement.getSettlementId(), value, headers);
    return value;
  }

  private void bookPayment(String provider, long amount) {
    PaymentCallback callback =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), amount))
            .setProvider(provider)
            .build();
    send(callback);
    awaitProcessed(callback);
  }

  private static UUID sourceId(Settlement settlement) {
    return ProviderSettlementRules.sourceId(settlement.getSettlementId());
  }

  private EntryView entryOf(Settlement settlement) {
    return http()
        .get()
        .uri("/v1/entries/{id}", EntryIds.forSource(sourceId(settlement)))
        .retrieve()
        .body(EntryView.class);
  }

  private AccountView account(String code) {
    return http().get().uri("/v1/accounts?code={code}", code).retrieve().body(AccountView.class);
  }

  @Test
  void aProviderPayoutBooksOneSettlementEntryAndClearingReturnsToZero() {
    String provider = newProvider();
    bookPayment(provider, 7_000);
    bookPayment(provider, 3_000);
    Settlement settlement = payout(provider, 10_000, 0, 300, 0).build();

    send(settlement);
    awaitProcessed(sourceId(settlement));

    EntryView entry = entryOf(settlement);
    assertThat(entry.entryType()).isEqualTo("PROVIDER_SETTLEMENT");
    assertThat(entry.sourceType()).isEqualTo("STATEMENT");
    assertThat(entry.paymentId()).isNull();
    assertThat(entry.effectiveDate()).isEqualTo(TODAY);
    assertThat(entry.description())
        .contains(settlement.getSettlementId(), "bank line bank-EUR-" + TODAY + "/line-1");
    assertThat(entry.postings())
        .extracting(
            EntryView.PostingView::accountCode,
            EntryView.PostingView::side,
            EntryView.PostingView::amountMinor)
        .containsExactly(
            tuple("bank-cash:EUR", "DEBIT", 9_700L),
            tuple("provider-fees:" + provider + ":EUR", "DEBIT", 300L),
            tuple("provider-clearing:" + provider + ":EUR", "CREDIT", 10_000L));
    AccountView clearing = account("provider-clearing:" + provider + ":EUR");
    assertThat(clearing.balanceMinor()).isZero();
    assertThat(account("provider-fees:" + provider + ":EUR").balanceMinor()).isEqualTo(300);
    assertThat(account("provider-fees:" + provider + ":EUR").type()).isEqualTo("EXPENSE");
    Statement statement =
        http()
            .get()
            .uri(
                "/v1/accounts/{id}/statement?from={from}&to={to}",
                clearing.accountId(),
                TODAY.minusDays(1),
                TODAY.plusDays(1))
            .retrieve()
            .body(Statement.class);
    assertThat(statement.lines())
        .extracting(Statement.Line::entryType, Statement.Line::balanceAfterMinor)
        .containsExactly(
            tuple("PAYMENT", 7_000L), tuple("PAYMENT", 10_000L), tuple("PROVIDER_SETTLEMENT", 0L));
  }

  @Test
  void theEntryAndItsCashflowArePublishedThroughTheOutbox() {
    String provider = newProvider();
    Settlement settlement = payout(provider, 5_000, 1_000, 100, 0).build();

    send(settlement);
    awaitProcessed(sourceId(settlement));

    String entryId = EntryIds.forSource(sourceId(settlement)).toString();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(published(topics.entries(), LedgerEntryEvent.class))
                  .filteredOn(
                      e ->
                          e.getEntry() != null
                              && e.getEntry().getEntryId().toString().equals(entryId))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.getEntry().getEntryType())
                            .isEqualTo(EntryType.PROVIDER_SETTLEMENT);
                        assertThat(e.getSourceType().name()).isEqualTo("STATEMENT");
                        assertThat(e.getSourceEventId()).isEqualTo(sourceId(settlement).toString());
                      });
              assertThat(published(topics.cashflow(), CashflowLine.class))
                  .filteredOn(line -> line.getEntryId().equals(entryId))
                  .extracting(CashflowLine::getAccountCode, CashflowLine::getAmountMinor)
                  .containsExactlyInAnyOrder(
                      tuple("bank-cash:EUR", 3_900L),
                      tuple("provider-fees:" + provider + ":EUR", 100L),
                      tuple("provider-clearing:" + provider + ":EUR", 4_000L));
            });
  }

  @Test
  void aRedeliveredPayoutBooksNothing() {
    String provider = newProvider();
    Settlement settlement = payout(provider, 2_000, 0, 20, 0).build();
    Settlement next = payout(newProvider(), 1_000, 0, 10, 0).build();

    byte[] bytes = send(settlement);
    sendRaw(topics.settlements(), settlement.getSettlementId(), bytes);
    // Resent by reconciliation with another envelope: the same payout, the same idempotency key.
    send(
        Settlement.newBuilder(settlement)
            .setEnvelope(payout(provider, 0, 0, 0, 0).getEnvelope())
            .build());
    // The same key, so the same partition: read after the copies.
    sendRaw(topics.settlements(), settlement.getSettlementId(), encode(topics.settlements(), next));
    awaitProcessed(sourceId(next));

    assertThat(
            count(
                "select count(*) from journal_entry where source_event_id = ?",
                sourceId(settlement)))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from processed_event where source_event_id = ?",
                sourceId(settlement)))
        .isEqualTo(1);
    assertThat(account("provider-clearing:" + provider + ":EUR").balanceMinor()).isEqualTo(-2_000);
  }

  @Test
  void replayAfterACrashBetweenDatabaseCommitAndOffsetCommitBooksNothing() throws Exception {
    Settlement settlement = payout(newProvider(), 6_000, 0, 60, 0).build();
    send(settlement);
    awaitProcessed(sourceId(settlement));
    List<Long> before = bookkeepingCounts();

    // The state a kill -9 after the database commit leaves: effects committed, offsets not.
    MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
    String group = consumerGroup + ".settlements";
    Map<TopicPartition, Long> end;
    container.stop();
    try (Admin admin = admin()) {
      end = endOffsets(admin);
      admin
          .alterConsumerGroupOffsets(
              group,
              end.keySet().stream()
                  .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0))))
          .all()
          .get();
    } finally {
      container.start();
    }

    try (Admin admin = admin()) {
      await().atMost(DEADLINE).until(() -> committedOffsets(admin, group).equals(end));
    }
    assertThat(bookkeepingCounts()).isEqualTo(before);
  }

  @Test
  void aGroupAheadOfTheRestoredDatabaseBooksWhatTheDatabaseLacks() throws Exception {
    // After a restore the group's committed offsets are past settlements the database no longer
    // holds: the listener resumes from its own recorded positions, not from those offsets.
    MessageListenerContainer container = listeners.getListenerContainer(LISTENER);
    String group = consumerGroup + ".settlements";
    Settlement settlement = payout(newProvider(), 7_000, 0, 70, 0).build();
    container.stop();
    try (Admin admin = admin()) {
      send(settlement); // acknowledged by the broker: the end offsets are past it
      Map<TopicPartition, Long> end = endOffsets(admin);
      admin
          .alterConsumerGroupOffsets(
              group,
              end.entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
          .all()
          .get();
    } finally {
      container.start();
    }

    awaitProcessed(sourceId(settlement));
    assertThat(entryOf(settlement).entryType()).isEqualTo("PROVIDER_SETTLEMENT");
  }

  /** Entries, dedupe records and outbox rows: what a replay must not add to. */
  private List<Long> bookkeepingCounts() {
    return List.of(
        count("select count(*) from journal_entry"),
        count("select count(*) from posting"),
        count("select count(*) from processed_event"),
        count("select count(*) from outbox"));
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
    List<TopicPartition> partitions =
        admin
            .describeTopics(List.of(topics.settlements()))
            .allTopicNames()
            .get()
            .get(topics.settlements())
            .partitions()
            .stream()
            .map(p -> new TopicPartition(topics.settlements(), p.partition()))
            .toList();
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
        .all()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static Map<TopicPartition, Long> committedOffsets(Admin admin, String group)
      throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get()
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  @Test
  void aBadRecordIsDeadLetteredWithItsReasonAndTheNextPayoutIsBooked() {
    String provider = newProvider();
    byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    Settlement unbalanced = payout(provider, 10_000, 0, 300, 0).setBankAmountMinor(9_000).build();
    Settlement next = payout(newProvider(), 4_000, 0, 40, 0).build();

    // One key, so one partition: the next payout comes after the bad ones.
    String key = unbalanced.getSettlementId();
    sendRaw(topics.settlements(), key, garbage);
    send(unbalanced);
    sendRaw(topics.settlements(), key, encode(topics.settlements(), next));
    awaitProcessed(sourceId(next));

    assertThat(entryOf(next).entryType()).isEqualTo("PROVIDER_SETTLEMENT");
    assertThat(outcomeOf(sourceId(unbalanced))).isEqualTo("DEAD_LETTERED:UNBALANCED");
    assertThat(
            count(
                "select count(*) from journal_entry where source_event_id = ?",
                sourceId(unbalanced)))
        .isZero();
    assertThat(
            count(
                "select count(*) from account where code = ?",
                "provider-clearing:" + provider + ":EUR"))
        .isZero();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<DeadLetter> letters =
                  published(topics.deadLetters(), DeadLetter.class).stream()
                      .filter(d -> d.getSourceTopic().equals(topics.settlements()))
                      .toList();
              // Dead-lettered once, by this group: the merchant payouts' group skips it.
              assertThat(letters)
                  .filteredOn(d -> d.getReasonCode().equals("NOT_CONFLUENT_FRAMING"))
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.getReasonCode()).isEqualTo("NOT_CONFLUENT_FRAMING");
                        assertThat(d.getMessageId()).isNull();
                        assertThat(d.getFailedBy()).isEqualTo("ledger-svc");
                        assertThat(key(d)).isEqualTo(key);
                      });
              assertThat(letters)
                  .filteredOn(
                      d ->
                          unbalanced.getEnvelope().getEventId().toString().equals(d.getMessageId()))
                  .singleElement()
                  .satisfies(
                      d -> {
                        assertThat(d.getReasonCode()).isEqualTo("UNBALANCED");
                        assertThat(d.getReason()).contains("bank amount 9000");
                        assertThat(d.getRetryable()).isFalse();
                        assertThat(key(d)).isEqualTo(unbalanced.getSettlementId());
                      });
            });
  }

  @Test
  void aShortPayoutPutsTheUnexplainedDifferenceInSuspense() {
    String provider = newProvider();
    bookPayment(provider, 10_000);
    Settlement settlement = payout(provider, 10_000, 0, 300, -500).build();

    send(settlement);
    awaitProcessed(sourceId(settlement));

    EntryView entry = entryOf(settlement);
    assertThat(entry.postings())
        .extracting(
            EntryView.PostingView::accountCode,
            EntryView.PostingView::side,
            EntryView.PostingView::amountMinor)
        .containsExactly(
            tuple("bank-cash:EUR", "DEBIT", 9_200L),
            tuple("provider-fees:" + provider + ":EUR", "DEBIT", 300L),
            tuple("suspense:EUR", "DEBIT", 500L),
            tuple("provider-clearing:" + provider + ":EUR", "CREDIT", 10_000L));
    assertThat(entry.description()).contains("break brk-" + provider);
    assertThat(entry.reason()).contains("unexplained difference -500");
    assertThat(account("provider-clearing:" + provider + ":EUR").balanceMinor()).isZero();
  }

  @Test
  void aNegativePayoutTakesBankCashBelowZeroIfItMust() {
    String provider = newProvider();
    Settlement settlement = payout(provider, 0, 50_000_000_000L, 0, 0).build();

    send(settlement);
    awaitProcessed(sourceId(settlement));

    assertThat(outcomeOf(sourceId(settlement))).isEqualTo("POSTED");
    assertThat(account("bank-cash:EUR").balanceMinor()).isNegative();
    assertThat(account("bank-cash:EUR").overdraftAllowed()).isTrue();
  }

  @Test
  void merchantPayoutsAreLeftToTheirOwnGroup() {
    Settlement merchant =
        payout(newProvider(), 0, 0, 0, 0)
            .setKind(SettlementKind.MERCHANT_PAYOUT_CONFIRMED)
            .setProvider(null)
            .setSettlementId(
                "mpo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
            .setBankAmountMinor(-1_000)
            .build();
    Settlement next = payout(newProvider(), 1_000, 0, 0, 0).build();

    long before =
        count("select count(*) from processed_event where source_topic = ?", topics.settlements());

    // One key, so one partition: the merchant payout is read before the next provider payout.
    sendRaw(topics.settlements(), next.getSettlementId(), encode(topics.settlements(), merchant));
    send(next);
    awaitProcessed(sourceId(next));

    assertThat(
            count(
                "select count(*) from processed_event where source_topic = ?",
                topics.settlements()))
        .isEqualTo(before + 1);
    assertThat(
            count(
                "select count(*) from journal_entry where description like ?",
                "%" + merchant.getSettlementId() + "%"))
        .isZero();
  }

  @Test
  void aPayoutWithATraceparentIsBookedInItsTrace() {
    TraceParent caller = newTraceParent();
    Settlement settlement = payout(newProvider(), 3_000, 0, 30, 0).build();

    send(settlement, Map.of(TraceParent.HEADER, caller.header()));
    awaitProcessed(sourceId(settlement));

    assertThat(entryOf(settlement).traceId()).isEqualTo(caller.traceId());
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(published(topics.cashflow(), CashflowLine.class))
                    .filteredOn(
                        line ->
                            line.getEntryId()
                                .equals(EntryIds.forSource(sourceId(settlement)).toString()))
                    .hasSize(3)
                    .allSatisfy(
                        line ->
                            assertThat(line.getEnvelope().getTraceId())
                                .isEqualTo(caller.traceId())));
  }

  private static String key(DeadLetter letter) {
    return letter.getOriginalKey() == null
        ? null
        : StandardCharsets.UTF_8.decode(letter.getOriginalKey().duplicate()).toString();
  }

  private static TraceParent newTraceParent() {
    HexFormat hex = HexFormat.of();
    byte[] trace = new byte[16];
    byte[] span = new byte[8];
    ThreadLocalRandom.current().nextBytes(trace);
    ThreadLocalRandom.current().nextBytes(span);
    trace[0] |= 1;
    span[0] |= 1;
    return new TraceParent(hex.formatHex(trace), hex.formatHex(span), true);
  }
}
