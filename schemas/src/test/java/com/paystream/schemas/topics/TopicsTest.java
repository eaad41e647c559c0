package com.paystream.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.schemas.deadletter.DeadLetter;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import com.paystream.schemas.ledger.LedgerSeal;
import com.paystream.schemas.recon.ReconReport;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.recon.Settlement;
import com.paystream.schemas.statements.StatementLine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void catalogueHoldsTheTopicsOfTheArchitectureWithTheirValueTypes() {
    assertThat(Topics.all())
        .extracting(Topic::name, Topic::valueType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("payments.callbacks.v1", PaymentCallback.class),
            org.assertj.core.groups.Tuple.tuple("payments.commands.v1", PaymentCommand.class),
            org.assertj.core.groups.Tuple.tuple("payments.callbacks.dlt.v1", DeadLetter.class),
            org.assertj.core.groups.Tuple.tuple("ledger.entries.v1", LedgerEntryEvent.class),
            org.assertj.core.groups.Tuple.tuple("ledger.cashflow.v1", CashflowLine.class),
            org.assertj.core.groups.Tuple.tuple("bank.statements.v1", StatementLine.class),
            org.assertj.core.groups.Tuple.tuple("recon.results.v1", ReconResult.class),
            org.assertj.core.groups.Tuple.tuple("recon.reports.v1", ReconReport.class),
            org.assertj.core.groups.Tuple.tuple("audit.events.v1", AuditEvent.class),
            org.assertj.core.groups.Tuple.tuple("ledger.seals.v1", LedgerSeal.class),
            org.assertj.core.groups.Tuple.tuple("recon.deadletters.v1", DeadLetter.class),
            org.assertj.core.groups.Tuple.tuple("recon.resolutions.v1", ReconResult.class),
            org.assertj.core.groups.Tuple.tuple("recon.settlements.v1", Settlement.class));
  }

  @Test
  void subjectsFollowTheTopicNameStrategyExceptForInternalTopicsCarryingAnotherTopicsContract() {
    assertThat(Topics.all())
        .filteredOn(t -> t.visibility() == Visibility.PUBLIC)
        .allSatisfy(t -> assertThat(t.valueSubject()).isEqualTo(t.name() + "-value"));
    assertThat(Topics.RECON_DEAD_LETTERS.valueSubject())
        .isEqualTo(Topics.PAYMENT_CALLBACKS_DLT.valueSubject());
    assertThat(Topics.RECON_RESOLUTIONS.valueSubject())
        .isEqualTo(Topics.RECON_RESULTS.valueSubject());
  }

  @Test
  void legallyRetainedTopicsKeepRecordsAtLeastThreeYears() {
    List<Topic<?>> legal =
        List.of(
            Topics.PAYMENT_CALLBACKS,
            Topics.PAYMENT_CALLBACKS_DLT,
            Topics.LEDGER_ENTRIES,
            Topics.LEDGER_CASHFLOW,
            Topics.BANK_STATEMENTS,
            Topics.PAYMENT_COMMANDS);

    assertThat(legal)
        .allSatisfy(
            topic -> {
              assertThat(topic.retention().keepsAtLeast(Retention.LEGAL_MINIMUM)).isTrue();
              assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
              assertThat(topic.configs())
                  .containsEntry("retention.ms", "-1")
                  .containsEntry("retention.bytes", "-1");
            });
  }

  @Test
  void everyTopicHasSixPartitionsByDefault() {
    assertThat(Topics.all()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(6));
  }

  @Test
  void prefixedCatalogueKeepsSubjectsAndSettings() {
    List<Topic<?>> prefixed = Topics.all("it-1a2b.");

    assertThat(prefixed).hasSize(Topics.all().size());
    for (int i = 0; i < prefixed.size(); i++) {
      Topic<?> original = Topics.all().get(i);
      assertThat(prefixed.get(i).name()).isEqualTo("it-1a2b." + original.name());
      assertThat(prefixed.get(i).valueSubject()).isEqualTo(original.valueSubject());
      assertThat(prefixed.get(i).configs()).isEqualTo(original.configs());
    }
  }

  @Test
  void newTopicCarriesPartitionsReplicationAndConfigs() {
    NewTopic single = Topics.PAYMENT_CALLBACKS.newTopic((short) 1);
    NewTopic replicated = Topics.RECON_RESULTS.newTopic((short) 3);

    assertThat(single.name()).isEqualTo("payments.callbacks.v1");
    assertThat(single.numPartitions()).isEqualTo(6);
    assertThat(single.replicationFactor()).isEqualTo((short) 1);
    assertThat(single.configs())
        .containsAllEntriesOf(
            Map.of(
                "cleanup.policy", "delete",
                "retention.ms", "-1",
                "min.insync.replicas", "1"));
    assertThat(replicated.configs())
        .containsEntry("retention.ms", Long.toString(Duration.ofDays(400).toMillis()))
        .containsEntry("min.insync.replicas", "2");
  }

  @Test
  void illegalNamesAreRejected() {
    assertThatThrownBy(() -> Topics.PAYMENT_CALLBACKS.withPrefix("has space "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a legal Kafka topic name");
    assertThatThrownBy(() -> Topics.PAYMENT_CALLBACKS.withName("x".repeat(250)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void byNameFindsCatalogueTopics() {
    assertThat(Topics.byName("ledger.entries.v1")).contains(Topics.LEDGER_ENTRIES);
    assertThat(Topics.byName("ledger.entries.v2")).isEmpty();
  }

  @Test
  void keysAreUtf8Strings() {
    byte[] bytes = Topics.LEDGER_CASHFLOW.keySerde().serializer().serialize("t", "acc-€");

    assertThat(bytes).isEqualTo("acc-€".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void retentionValues() {
    assertThat(Retention.infinite().retentionMs()).isEqualTo(-1);
    assertThat(Retention.infinite().limit()).isEmpty();
    assertThat(Retention.infinite()).hasToString("infinite");
    assertThat(Retention.of(Duration.ofDays(2)).keepsAtLeast(Duration.ofDays(3))).isFalse();
    assertThatThrownBy(() -> Retention.of(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Retention(-2)).isInstanceOf(IllegalArgumentException.class);
  }
}
