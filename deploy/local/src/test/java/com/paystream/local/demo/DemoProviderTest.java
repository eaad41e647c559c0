package com.paystream.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.simulator.StandardWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DemoProviderTest {

  @Test
  void theServicesAreConfiguredWithTheHashOfEachPrintedKey() throws Exception {
    for (DemoProvider.Principal principal : DemoProvider.PRINCIPALS) {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(principal.apiKey().getBytes(StandardCharsets.US_ASCII));
      assertThat(DemoProvider.sha256Hex(principal.apiKey()))
          .isEqualTo(HexFormat.of().formatHex(digest));
    }
  }

  @Test
  void theDemoApiKeysHaveTheGatewaysTokenFormatAndTheSecretIsAThirtyTwoByteKey() {
    // ApiKeyToken's format in payment-gateway-svc: psk_<key id>_<43 base64url characters>
    String format = "psk_[A-Za-z0-9]{8,32}_[A-Za-z0-9_-]{43}";

    assertThat(DemoProvider.PRINCIPALS)
        .extracting(DemoProvider.Principal::apiKey)
        .allSatisfy(key -> assertThat(key).matches(format))
        .anySatisfy(key -> assertThat(key).startsWith("psk_localDemoAuditor_"))
        .anySatisfy(key -> assertThat(key).startsWith("psk_localDemoAdmin_"))
        .anySatisfy(key -> assertThat(key).startsWith("psk_localDemoOperator_"))
        .anySatisfy(key -> assertThat(key).startsWith("psk_localDemoOperator2_"));
    assertThat(DemoProvider.keyId(DemoProvider.MERCHANT_API_KEY)).isEqualTo("localDemoMerchant");
    assertThat(StandardWebhookSigner.hexKey(DemoProvider.WEBHOOK_SECRET)).hasSize(64);
  }
}
