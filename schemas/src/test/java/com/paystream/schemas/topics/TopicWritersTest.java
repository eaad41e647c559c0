package com.paystream.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every topic names who writes it; only the callbacks' dead-letter topic has two writers. */
class TopicWritersTest {

  @Test
  void everyTopicHasAWriter() {
    assertThat(Topics.all()).allSatisfy(topic -> assertThat(topic.writers()).isNotEmpty());
  }

  @Test
  void onlyTheDeadLetterAndAuditTopicsHaveSeveralWriters() {
    List<Topic<?>> several = Topics.all().stream().filter(t -> t.writers().size() > 1).toList();

    assertThat(several).containsExactly(Topics.PAYMENT_CALLBACKS_DLT, Topics.AUDIT_EVENTS);
    assertThat(Topics.AUDIT_EVENTS.writers())
        .extracting(Writer::service)
        .containsExactlyInAnyOrder(Service.values());
  }

  @Test
  void theDeadLetterTopicsWritersAreTheLedgerAndTheRelayEachWithItsReason() {
    assertThat(Topics.PAYMENT_CALLBACKS_DLT.writers())
        .extracting(Writer::service)
        .containsExactly(Service.LEDGER, Service.CALLBACK_RELAY);
    assertThat(Topics.PAYMENT_CALLBACKS_DLT.writers())
        .extracting(Writer::what)
        .anySatisfy(what -> assertThat(what).contains("can never apply"))
        .anySatisfy(what -> assertThat(what).contains("re-delivery schedule"));
    assertThatThrownBy(Topics.PAYMENT_CALLBACKS_DLT::writer)
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eachServiceWritesTheTopicsOfItsDomain() {
    assertThat(Topics.LEDGER_ENTRIES.writer().service()).isEqualTo(Service.LEDGER);
    assertThat(Topics.LEDGER_CASHFLOW.writer().service()).isEqualTo(Service.LEDGER);
    assertThat(Topics.PAYMENT_CALLBACKS.writer().service()).isEqualTo(Service.CALLBACK_RELAY);
    assertThat(Topics.PAYMENT_COMMANDS.writer().service()).isEqualTo(Service.CALLBACK_RELAY);
    assertThat(
            List.of(
                Topics.BANK_STATEMENTS,
                Topics.RECON_RESULTS,
                Topics.RECON_REPORTS,
                Topics.RECON_DEAD_LETTERS,
                Topics.RECON_RESOLUTIONS))
        .allSatisfy(t -> assertThat(t.writer().service()).isEqualTo(Service.RECONCILIATION));
  }

  @Test
  void internalTopicsAreReconciliationsOwnDeadLettersAndResolutions() {
    assertThat(Topics.all())
        .filteredOn(t -> t.visibility() == Visibility.INTERNAL)
        .containsExactly(Topics.RECON_DEAD_LETTERS, Topics.RECON_RESOLUTIONS);
  }

  @Test
  void prefixedTopicsKeepWritersAndVisibility() {
    Topic<?> prefixed = new TopicNames("t-1.").of(Topics.RECON_DEAD_LETTERS);

    assertThat(prefixed.name()).isEqualTo("t-1.recon.deadletters.v1");
    assertThat(prefixed.writers()).isEqualTo(Topics.RECON_DEAD_LETTERS.writers());
    assertThat(prefixed.visibility()).isEqualTo(Visibility.INTERNAL);
  }
}
