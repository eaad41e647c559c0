package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.simulator.StandardWebhookSigner;
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

  @Test
  void theDemoApiKeysHaveTheGatewaysTokenFormatAndTheSecretIsAThirtyTwoByteKey() {
    // ApiKeyToken's format in payment-gateway-svc: psk_<key id>_<43 base64url characters>
    String format = "psk_[A-Za-z0-9]{8,32}_[A-Za-z0-9_-]{43}";

    assertThat(DemoProvider.MERCHANT_API_KEY).matches(format);
    assertThat(DemoProvider.OPERATOR_API_KEY).matches(format);
    assertThat(DemoProvider.keyId(DemoProvider.MERCHANT_API_KEY)).isEqualTo("localDemoMerchant");
    assertThat(StandardWebhookSigner.hexKey(DemoProvider.WEBHOOK_SECRET)).hasSize(64);
  }
}
