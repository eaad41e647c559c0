package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DemoProviderTest {

  @Test
  void theRelayIsConfiguredWithTheHashOfThePrintedOperatorToken() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest(DemoProvider.OPERATOR_TOKEN.getBytes(StandardCharsets.UTF_8));

    assertThat(HexFormat.of().formatHex(digest)).isEqualTo(DemoProvider.OPERATOR_TOKEN_SHA256);
  }
}
