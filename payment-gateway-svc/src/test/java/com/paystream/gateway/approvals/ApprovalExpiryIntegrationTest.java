package com.paystream.gateway.approvals;

import static com.paystream.gateway.testsupport.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.testsupport.Api;
import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A request nobody decided in time expires: approving it is refused and nothing changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalExpiryIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_approval_expiry");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 5);
  private static final ApiKeys KEYS = new ApiKeys();
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued olga;
  private static ApiKeyToken.Issued oscar;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    registry.add("paystream.approvals.expire-after", () -> "1s");
    merchant = KEYS.merchant(registry, "m-shop");
    olga = KEYS.operator(registry, "olga");
    oscar = KEYS.operator(registry, "oscar");
  }

  @AfterAll
  static void stop() {
    SIMULATOR.close();
  }

  @LocalServerPort int port;

  @Test
  void anExpiredRequestCannotBeApprovedAndChangesNothing() {
    Api api = new Api(SimulatedProvider.connect(port, SIMULATOR));
    String paymentId =
        json(
                api.post(
                    merchant,
                    "/v1/payments",
                    UUID.randomUUID().toString(),
                    "{\"amount_minor\":1000,\"currency\":\"EUR\",\"provider\":\"simulator\"}"),
                201)
            .get("payment_id")
            .stringValue();
    String approvalId =
        json(
                api.post(
                    olga,
                    "/v1/payments/" + paymentId + "/amendments",
                    "late",
                    "{\"amount_minor\":900,\"currency\":\"EUR\",\"status\":\"CREATED\","
                        + "\"reason\":\"typo\"}"),
                202)
            .get("approvalId")
            .stringValue();
    List<Object> before = footprint(paymentId);

    // Listed as expired once its time has passed, before anybody tried to decide it.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                "EXPIRED"
                    .equals(
                        json(api.get(oscar, "/v1/approvals/" + approvalId), 200)
                            .get("state")
                            .stringValue()));
    JsonNode refused =
        json(api.post(oscar, "/v1/approvals/" + approvalId + "/approve", null, null), 409);

    assertThat(refused.get("reason").stringValue()).isEqualTo("expired");
    assertThat(footprint(paymentId)).isEqualTo(before);
    assertThat(
            DB.rows(
                "select verdict, decided_by from approval_decision where request_id = ?::uuid",
                approvalId))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row).containsEntry("verdict", "EXPIRED");
              assertThat(row).containsEntry("decided_by", "system:expiry");
            });
    assertThat(
            DB.count(
                "select count(*) from audit_record where target = ? and outcome = 'EXPIRED'",
                paymentId))
        .isEqualTo(1);
    // Asked again: still expired, the expiry recorded once.
    json(api.post(oscar, "/v1/approvals/" + approvalId + "/approve", null, null), 409);
    assertThat(
            DB.count(
                "select count(*) from audit_record where target = ? and outcome = 'EXPIRED'",
                paymentId))
        .isEqualTo(1);
    assertThat(json(api.get(oscar, "/v1/approvals?state=EXPIRED"), 200).get("items").toString())
        .contains(approvalId);
  }

  private static List<Object> footprint(String paymentId) {
    return List.of(
        DB.rows(
            "select status, amount_minor, version from payment where payment_id = ?", paymentId),
        DB.count("select count(*) from payment_status_history where payment_id = ?", paymentId),
        DB.count(
            "select count(*) from outbox where message_key = ? and topic like '%payments.commands%'",
            paymentId));
  }
}
