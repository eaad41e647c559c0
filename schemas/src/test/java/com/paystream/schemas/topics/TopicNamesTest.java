package com.paystream.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNamesTest {

  @Test
  void anEmptyOrMissingPrefixKeepsTheCatalogueNames() {
    assertThat(new TopicNames(null).name(Topics.LEDGER_ENTRIES)).isEqualTo("ledger.entries.v1");
    assertThat(TopicNames.unprefixed().of(Topics.LEDGER_ENTRIES)).isSameAs(Topics.LEDGER_ENTRIES);
  }

  @Test
  void aPrefixRenamesEveryTopicAndKeepsItsSubject() {
    TopicNames names = new TopicNames("it-7.");

    assertThat(names.name(Topics.RECON_REPORTS)).isEqualTo("it-7.recon.reports.v1");
    assertThat(names.of(Topics.RECON_REPORTS).valueSubject()).isEqualTo("recon.reports.v1-value");
    assertThat(names.all()).hasSameSizeAs(Topics.all());
    assertThat(names.all()).allSatisfy(t -> assertThat(t.name()).startsWith("it-7."));
  }
}
