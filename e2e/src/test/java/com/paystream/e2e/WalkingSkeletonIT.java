package com.paystream.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.testkit.SharedInfrastructure;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One callback through the whole suite, every service a separate process on the real broker and
 * PostgreSQL: the gateway verifies and records it, the relay publishes it, the ledger books it
 * exactly once as a balanced entry, and its confirmation ends the relay's re-delivery.
 */
class WalkingSkeletonIT {

  private static SuiteClient client;
  private static JdbcTemplate gatewayDb;

  @BeforeAll
  static void startSuite() {
    client = new SuiteClient(RunningSuite.get());
    DataSource gateway = SharedInfrastructure.postgres().dataSource("gateway");
    gatewayDb = new JdbcTemplate(gateway);
  }

  @Test
  void aSignedCallbackBecomesOneBalancedJournalEntryAndIsConfirmed() throws Exception {
    SuiteClient.Callback callback = SuiteClient.Callback.succeeded(1999, "EUR");

    HttpResponse<String> response = client.post(callback, callback.signature());

    assertThat(response.statusCode()).isBetween(200, 299);
    JsonNode entries = client.awaitEntries(callback.paymentId(), 1);
    assertBalanced(entries.get(0));
    await()
        .atMost(SuiteClient.END_TO_END)
        .until(() -> "CONFIRMED".equals(outboxStatus(callback.paymentId())));
  }

  @Test
  void everyServiceIsConnectedAsItsOwnRuntimeRoleAndNoneAsTheSuperuserOrAnOwner() {
    // The services are up (the suite waited for their readiness) and hold pooled connections.
    List<String> logins =
        gatewayDb.queryForList(
            "select distinct usename::text from pg_stat_activity"
                + " where datname in ('gateway', 'ledger', 'reconciliation')"
                + " and backend_type = 'client backend' and pid <> pg_backend_pid()",
            String.class);

    assertThat(logins)
        .contains("gateway_runtime", "gateway_relay", "ledger_runtime", "reconciliation_runtime")
        .doesNotContain("postgres", "gateway_owner", "ledger_owner", "reconciliation_owner");
  }

  @Test
  void theSameCallbackTwiceIsAcknowledgedTwiceAndBookedOnce() throws Exception {
    SuiteClient.Callback callback = SuiteClient.Callback.succeeded(4250, "USD");

    assertThat(client.post(callback, callback.signature()).statusCode()).isBetween(200, 299);
    assertThat(client.post(callback, callback.signature()).statusCode()).isBetween(200, 299);

    client.awaitEntries(callback.paymentId(), 1);
    await()
        .atMost(SuiteClient.END_TO_END)
        .until(() -> "CONFIRMED".equals(outboxStatus(callback.paymentId())));
    assertThat(
            gatewayDb.queryForObject(
                "select count(*) from outbox where message_key = ?",
                Integer.class,
                callback.paymentId()))
        .isEqualTo(1);
    assertThat(client.entries(callback.paymentId())).hasSize(1);
  }

  @Test
  void aTamperedSignatureGets401AndNothingIsStored() throws Exception {
    SuiteClient.Callback callback = SuiteClient.Callback.succeeded(500, "EUR");
    String forged = SuiteClient.Callback.succeeded(5, "EUR").signature();

    HttpResponse<String> response = client.post(callback, forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(
            gatewayDb.queryForObject(
                "select count(*) from outbox where message_key = ?",
                Integer.class,
                callback.paymentId()))
        .isZero();
  }

  private static void assertBalanced(JsonNode entry) {
    JsonNode postings = entry.path("postings");
    assertThat(postings.size()).isGreaterThanOrEqualTo(2);
    long debits = 0;
    long credits = 0;
    for (JsonNode posting : postings) {
      long amount = posting.path("amountMinor").asLong(posting.path("amount_minor").asLong());
      assertThat(amount).isPositive();
      if ("DEBIT".equals(posting.path("side").asText())) {
        debits += amount;
      } else {
        credits += amount;
      }
    }
    assertThat(debits).isEqualTo(credits);
  }

  /**
   * {@code CONFIRMED} once the relay recorded the ledger's confirmation of the payment's callback
   * (the relay never updates outbox rows; its state is in schema {@code relay}).
   */
  private static String outboxStatus(String paymentId) {
    List<String> statuses =
        gatewayDb.queryForList(
            "select case when exists (select 1 from relay.confirmation c"
                + " where c.message_id = o.message_id and c.verdict = 'APPLIED')"
                + " then 'CONFIRMED' else 'UNCONFIRMED' end"
                + " from outbox o where o.message_key = ?",
            String.class,
            paymentId);
    return statuses.isEmpty() ? "" : statuses.get(0);
  }
}
