package com.paystream.local.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsInLogsTest {

  private static final String DB_PASSWORD = "Zq8s1VbX4nK2pL0w";
  private static final String SIGNING = "whsec_cGF5c3RyZWFtLWxvY2FsLXN0YWNr";
  private static final String API_KEY = "psk_localDemoMerchant_the-secret-part-000";

  private final SecretsInLogs scanner =
      new SecretsInLogs(
          Map.of(
              "gateway SPRING_R2DBC_PASSWORD", DB_PASSWORD,
              "gateway webhook secret", SIGNING,
              "API key of m-demo", API_KEY));

  @Test
  void findsASecretAndNamesItWithoutPrintingIt() {
    List<SecretsInLogs.Leak> leaks =
        scanner.scan(
            "gateway", List.of("started", "{\"message\":\"url=x password=" + DB_PASSWORD + "\"}"));

    assertThat(leaks)
        .containsExactly(new SecretsInLogs.Leak("gateway", "gateway SPRING_R2DBC_PASSWORD", 2));
    assertThat(leaks.get(0).toString()).doesNotContain(DB_PASSWORD);
  }

  @Test
  void findsTheSecretPartOfASigningSecretAndOfAnApiKey() {
    assertThat(
            scanner.scan(
                "relay",
                List.of(
                    "key cGF5c3RyZWFtLWxvY2FsLXN0YWNr decoded",
                    "Authorization: Bearer ****_the-secret-part-000")))
        .extracting(SecretsInLogs.Leak::secret)
        .containsExactly("gateway webhook secret", "API key of m-demo");
  }

  @Test
  void ignoresTheKeyIdOfAnApiKeyAndLinesWithoutSecrets() {
    assertThat(scanner.scan("ledger", List.of("principal key id localDemoMerchant", "ok")))
        .isEmpty();
  }

  @Test
  void reportsALineOncePerSecret() {
    assertThat(scanner.scan("x", List.of(SIGNING + " " + SIGNING))).hasSize(1);
  }

  @Test
  void valuesTooShortToMeanAnythingAreNotLookedFor() {
    assertThat(SecretsInLogs.forms("abc")).isEmpty();
    assertThat(SecretsInLogs.forms(API_KEY)).containsExactly(API_KEY, "the-secret-part-000");
  }
}
