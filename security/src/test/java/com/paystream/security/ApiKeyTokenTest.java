package com.paystream.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {

  @Test
  void issuedTokenCarriesItsKeyIdAndHashesToTheIssuedHash() {
    ApiKeyToken.Issued issued = ApiKeyToken.issue();

    assertThat(issued.token()).startsWith("psk_" + issued.keyId() + "_");
    assertThat(ApiKeyToken.keyId(issued.token())).contains(issued.keyId());
    assertThat(ApiKeyToken.looksLikeApiKey(issued.token())).isTrue();
    assertThat(issued.sha256Hex())
        .hasSize(64)
        .isEqualTo(HexFormat.of().formatHex(ApiKeyToken.sha256(issued.token())));
  }

  @Test
  void issuedKeysAreDistinct() {
    ApiKeyToken.Issued one = ApiKeyToken.issue();
    ApiKeyToken.Issued two = ApiKeyToken.issue();

    assertThat(one.keyId()).isNotEqualTo(two.keyId());
    assertThat(one.token()).isNotEqualTo(two.token());
  }

  @Test
  void issuedKeyNeverPrintsItsToken() {
    ApiKeyToken.Issued issued = ApiKeyToken.issue();

    assertThat(issued.toString()).contains(issued.keyId()).doesNotContain(issued.token());
  }

  @Test
  void parsesTheKeyIdOfAWellFormedToken() {
    String secret = "A".repeat(42) + "_";

    assertThat(ApiKeyToken.keyId("psk_localDemoOperator_" + secret)).contains("localDemoOperator");
    assertThat(ApiKeyToken.keyId("psk_abcd1234_" + "-".repeat(43))).contains("abcd1234");
  }

  @Test
  void theLocalStacksDemoKeysAreWellFormed() {
    assertThat(
            ApiKeyToken.keyId("psk_localDemoOperator_paystream-local-stack-demo-operator-key-000"))
        .contains("localDemoOperator");
    assertThat(ApiKeyToken.keyId("psk_localDemoTravel_paystream-local-stack-demo-travel-key-00000"))
        .contains("localDemoTravel");
  }

  @Test
  void anythingElseHasNoKeyId() {
    String secret = "A".repeat(43);

    assertThat(ApiKeyToken.keyId("psk_short_" + secret)).isEmpty();
    assertThat(ApiKeyToken.keyId("psk_" + "k".repeat(33) + "_" + secret)).isEmpty();
    assertThat(ApiKeyToken.keyId("psk_abcd1234_" + secret + "A")).isEmpty();
    assertThat(ApiKeyToken.keyId("psk_abcd1234_" + secret.substring(1))).isEmpty();
    assertThat(ApiKeyToken.keyId("psk_abcd-234_" + secret)).isEmpty();
    assertThat(ApiKeyToken.keyId("pk_abcd1234_" + secret)).isEmpty();
    assertThat(ApiKeyToken.keyId("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isEmpty();
    assertThat(ApiKeyToken.looksLikeApiKey("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isFalse();
  }
}
