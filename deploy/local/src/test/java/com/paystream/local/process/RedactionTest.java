package com.paystream.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void hidesSecretAndPasswordValuesButKeepsTheRest() {
    String line =
        Redaction.commandLine(
            List.of(
                "java",
                "--spring.datasource.password=pw",
                "--paystream.webhooks.providers.simulator.secrets[0]=whsec_abc",
                "--server.port=8080"));

    assertThat(line)
        .isEqualTo(
            "java --spring.datasource.password=**** "
                + "--paystream.webhooks.providers.simulator.secrets[0]=**** --server.port=8080");
  }
}
