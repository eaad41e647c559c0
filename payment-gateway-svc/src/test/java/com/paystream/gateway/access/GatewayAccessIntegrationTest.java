package com.paystream.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.security.AccessRules;
import com.paystream.security.ApiKeyRegistry;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.Route;
import com.paystream.security.reactive.ReactiveRoutes;
import com.paystream.security.testing.AccessProbe;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the running gateway is public or covered by a role rule; every state-changing
 * route answers each kind of caller as the README's authorization table says; admins list and mint
 * keys, and nobody else can.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayAccessIntegrationTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_access");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 7);
  private static final ApiKeys KEYS = new ApiKeys();
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued operator;
  private static ApiKeyToken.Issued auditor;
  private static ApiKeyToken.Issued admin;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchant = KEYS.merchant(registry, "m-access");
    operator = KEYS.operator(registry, "olga");
    auditor = KEYS.auditor(registry, "ada");
    admin = KEYS.admin(registry, "root");
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @Test
  void everyMappedRouteIsPublicOrCoveredByARoleRule(
      @Autowired ApplicationContext context, @Autowired AccessRules rules) {
    List<Route> routes = ReactiveRoutes.of(context);
    assertThat(routes)
        .extracting(Route::pattern)
        .contains(
            "/v1/webhooks/{provider}",
            "/v1/payments/{id}/amendments",
            "/v1/keys",
            "/v1/audit",
            "/v1/approvals/{id}/approve");
    assertThat(Route.uncovered(routes, rules)).isEmpty();
  }

  @Test
  void stateChangingRoutesAnswerEachCallerAsTheTableSays() {
    AccessProbe probe = new AccessProbe(port);
    String payment = "/v1/payments/pay_" + UUID.randomUUID().toString().replace("-", "");
    // route -> the roles that pass the gate (the request itself then decides: 400, 404, ...)
    String approval = "/v1/approvals/" + UUID.randomUUID();
    Map<String, List<ApiKeyToken.Issued>> posts =
        Map.of(
            approval + "/approve",
            List.of(operator),
            approval + "/reject",
            List.of(operator),
            "/v1/payments",
            List.of(merchant),
            payment + "/cancel",
            List.of(merchant, operator),
            payment + "/refunds",
            List.of(merchant, operator),
            payment + "/amendments",
            List.of(operator),
            payment + "/supplements",
            List.of(operator),
            "/v1/keys",
            List.of(admin));
    posts.forEach(
        (path, allowed) -> {
          assertThat(probe.post(path, "{}", AccessProbe.ANONYMOUS)).as(path).isEqualTo(401);
          assertThat(probe.post(path, "{}", AccessProbe.WRONG_KEY)).as(path).isEqualTo(401);
          assertThat(probe.post(path, "{}", "garbage")).as(path).isEqualTo(401);
          for (ApiKeyToken.Issued caller : List.of(merchant, operator, auditor, admin)) {
            int status = probe.post(path, "{}", caller.token());
            if (allowed.contains(caller)) {
              assertThat(status).as(path + " " + caller).isNotIn(401, 403, 500, 503);
            } else {
              assertThat(status).as(path + " " + caller).isEqualTo(403);
            }
          }
        });
    assertThat(probe.get("/v1/payments", auditor.token())).isEqualTo(200);
    assertThat(probe.get("/v1/audit", auditor.token())).isEqualTo(200);
    assertThat(probe.get("/v1/audit", operator.token())).isEqualTo(403);
    assertThat(probe.get("/v1/approvals", operator.token())).isEqualTo(200);
    assertThat(probe.get("/v1/approvals", auditor.token())).isEqualTo(200);
    assertThat(probe.get("/v1/approvals", merchant.token())).isEqualTo(403);
    assertThat(probe.get("/v1/payments", admin.token())).isEqualTo(403);
    assertThat(probe.get("/v1/payments", AccessProbe.ANONYMOUS)).isEqualTo(401);
    assertThat(probe.get("/actuator/health/liveness", AccessProbe.ANONYMOUS)).isEqualTo(200);
    assertThat(probe.get("/actuator/prometheus", AccessProbe.ANONYMOUS)).isEqualTo(200);
    assertThat(probe.get("/actuator/info", AccessProbe.ANONYMOUS)).isEqualTo(401);
  }

  @Test
  void anAdminListsKeysAndMintsOneThatWorksOnceConfigured(@Autowired ApiKeyRegistry registry) {
    WebClient http = WebClient.create("http://localhost:" + port);
    JsonNode listed =
        http.get()
            .uri("/v1/keys")
            .header("Authorization", "Bearer " + admin.token())
            .retrieve()
            .bodyToMono(JsonNode.class)
            .block();
    assertThat(listed.get("keys").toString())
        .contains(merchant.keyId(), operator.keyId(), "\"role\":\"AUDITOR\"")
        .doesNotContain(merchant.sha256Hex(), merchant.token());

    JsonNode minted =
        http.post()
            .uri("/v1/keys")
            .header("Authorization", "Bearer " + admin.token())
            .header("Content-Type", "application/json")
            .bodyValue("{\"principal\":\"m-new\",\"role\":\"MERCHANT\",\"merchantId\":\"m-new\"}")
            .retrieve()
            .bodyToMono(JsonNode.class)
            .block();
    String token = minted.get("token").asString();
    assertThat(ApiKeyToken.keyId(token)).hasValue(minted.get("keyId").asString());
    assertThat(
            minted
                .get("properties")
                .get("paystream.security.principals[0].keys[0].sha256")
                .asString())
        .isEqualTo(minted.get("sha256").asString());
    // Not stored by the service: the key works once the deployment's security file holds it.
    assertThat(registry.authenticate(token)).isEmpty();
    assertThat(new AccessProbe(port).get("/v1/payments", token)).isEqualTo(401);
    assertThat(
            new AccessProbe(port)
                .post("/v1/keys", "{\"principal\":\"x\",\"role\":\"MERCHANT\"}", admin.token()))
        .isEqualTo(400);
  }
}
