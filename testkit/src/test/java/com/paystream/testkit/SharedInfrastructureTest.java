package com.paystream.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

  private static final String TOPIC_AND_DATABASE_NAME = "[a-z_][a-z0-9_]{0,62}";

  @Test
  void uniqueNamesDifferAndKeepTheirPrefix() {
    String first = SharedInfrastructure.uniqueName("ledger");
    String second = SharedInfrastructure.uniqueName("ledger");

    assertThat(first).startsWith("ledger_").matches(TOPIC_AND_DATABASE_NAME).isNotEqualTo(second);
  }

  @Test
  void uniqueNamesAreValidForAnyPrefix() {
    assertThat(SharedInfrastructure.uniqueName("payments.callbacks.v1"))
        .startsWith("payments_callbacks_v1_")
        .matches(TOPIC_AND_DATABASE_NAME);
    assertThat(SharedInfrastructure.uniqueName("9-Lives")).matches(TOPIC_AND_DATABASE_NAME);
    assertThat(SharedInfrastructure.uniqueName("x".repeat(200))).matches(TOPIC_AND_DATABASE_NAME);
  }
}
