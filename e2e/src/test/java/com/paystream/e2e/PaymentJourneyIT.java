package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.WebhookFaults;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment the way a merchant and a customer make it, against the suite as separate processes and
 * the provider simulator over HTTP: created through the payments API, paid at the provider's
 * redirect URL, booked by the ledger; and when the provider's webhook is lost, flagged by
 * reconciliation of the provider's statement, found by the gateway's status query and booked all
 * the same.
 */
class PaymentJourneyIT {

  private static SuiteClient client;
  private static ProviderSimulator provider;

  @BeforeAll
  static void startSuite() {
    RunningSuite suite = RunningSuite.get();
    client = new SuiteClient(suite);
    provider = suite.provider();
  }

  @AfterEach
  void reliableAgain() {
    provider.faults(WebhookFaults.NONE);
  }

  @Test
  void aPaymentPaidAtTheProviderIsBookedOnceAndShownSucceeded() throws Exception {
    JsonNode created = client.createPayment(2500, "EUR");
    String paymentId = created.get("payment_id").asText();
    assertThat(created.get("redirect_url").asText()).startsWith(provider.baseUrl() + "/checkout/");

    provider.settle(paymentId, "SUCCEEDED").block(Duration.ofSeconds(10));

    JsonNode entries = client.awaitEntries(paymentId, 1);
    assertThat(entries).hasSize(1);
    await()
        .atMost(SuiteClient.END_TO_END)
        .until(() -> "SUCCEEDED".equals(client.payment(paymentId).get("status").asText()));
  }

  @Test
  void aLostWebhookIsFoundOnTheStatementAndRecoveredByTheStatusQuery() throws Exception {
    JsonNode created = client.createPayment(1234, "USD");
    String paymentId = created.get("payment_id").asText();
    provider.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
    int queriesBefore = provider.statusQueries();
    provider.settle(paymentId, "SUCCEEDED").block(Duration.ofSeconds(10));
    assertThat(provider.unannounced()).contains(paymentId);

    client.uploadStatement(provider.statementCsv(LocalDate.now(ZoneOffset.UTC)));

    JsonNode entries = client.awaitEntries(paymentId, 1);
    assertThat(entries).hasSize(1);
    assertThat(provider.statusQueries()).isGreaterThan(queriesBefore);
    assertThat(client.payment(paymentId).get("status").asText()).isEqualTo("SUCCEEDED");
  }
}
