package com.paystream.security.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.paystream.security.AccessRules;
import com.paystream.security.Actor;
import com.paystream.security.RefusalAudit.Refusal;
import com.paystream.security.Role;
import com.paystream.security.Route;
import com.paystream.security.servlet.app.ServletTestApp;
import com.paystream.security.testing.Http;
import com.paystream.security.testing.TestIdentityProvider;
import com.paystream.security.testing.TestKeys;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The servlet security of a running application, over real HTTP, with API keys and OIDC tokens. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    classes = ServletTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.main.web-application-type=servlet",
      "management.endpoints.web.exposure.include=health",
      "management.endpoints.web.discovery.enabled=false"
    })
class ServletSecurityIT {

  private static final TestKeys KEYS = new TestKeys();
  private static final TestIdentityProvider IDP = TestIdentityProvider.start();

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    KEYS.register(registry);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", IDP::jwkSetUri);
  }

  @AfterAll
  static void stopIdentityProvider() {
    IDP.close();
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ServletTestApp.RecordedRefusals refusals;

  private Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    refusals.clear();
  }

  @Test
  void anonymousCallIsRefusedWithABearerChallengeAndProblemJson() {
    HttpResponse<String> response = http.call("GET", "/v1/things/t-1", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(401);
    assertThat((String) JsonPath.read(response.body(), "$.instance")).isEqualTo("/v1/things/t-1");
    assertThat(refusals.all())
        .containsExactly(
            new Refusal("GET", "/v1/things/t-1", Optional.empty(), 401, "unauthenticated"));
  }

  @Test
  void garbageOrUnknownBearerIsUnauthenticated() {
    HttpResponse<String> garbage = http.call("GET", "/v1/things/t-1", "garbage");
    HttpResponse<String> unknownKey =
        http.call("GET", "/v1/things/t-1", com.paystream.security.ApiKeyToken.issue().token());

    assertThat(garbage.statusCode()).isEqualTo(401);
    assertThat(garbage.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(unknownKey.statusCode()).isEqualTo(401);
    assertThat(refusals.all()).extracting(Refusal::status).containsExactly(401, 401);
    assertThat(refusals.all()).allSatisfy(refusal -> assertThat(refusal.actor()).isEmpty());
  }

  @Test
  void validKeyWithTheWrongRoleIsForbidden() {
    HttpResponse<String> response = http.call("POST", "/v1/things", KEYS.auditor.token());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(403);
    assertThat(refusals.all())
        .containsExactly(
            new Refusal(
                "POST",
                "/v1/things",
                Optional.of(
                    new Actor(
                        "audrey", Role.AUDITOR, Optional.empty(), "key:" + KEYS.auditor.keyId())),
                403,
                "role not allowed"));
  }

  @Test
  void rightRoleReachesTheHandlerAsItsActor() {
    HttpResponse<String> read = http.call("GET", "/v1/things/t-1", KEYS.operator.token());
    HttpResponse<String> create = http.call("POST", "/v1/things", KEYS.operator.token());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Map<String, String>>read(read.body(), "$"))
        .containsEntry("thing", "t-1")
        .containsEntry("name", "alice")
        .containsEntry("role", "OPERATOR")
        .containsEntry("merchant", "")
        .containsEntry("credential", "key:" + KEYS.operator.keyId());
    assertThat(create.statusCode()).isEqualTo(201);
    assertThat(read.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refusals.all()).isEmpty();
  }

  @Test
  void merchantKeyActsForItsMerchant() {
    HttpResponse<String> response = http.call("GET", "/v1/things/t-1", KEYS.merchant.token());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Map<String, String>>read(response.body(), "$"))
        .containsEntry("name", "shop-1")
        .containsEntry("role", "MERCHANT")
        .containsEntry("merchant", "m-1");
  }

  @Test
  void unlistedRoutesAreDeniedToEveryone() {
    HttpResponse<String> anonymous = http.call("GET", "/v1/nothing", null);
    HttpResponse<String> admin = http.call("GET", "/v1/nothing", KEYS.admin.token());
    HttpResponse<String> wrongMethod = http.call("DELETE", "/v1/things/t-1", KEYS.operator.token());
    HttpResponse<String> actuatorEnv = http.call("GET", "/actuator/env", KEYS.admin.token());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(wrongMethod.statusCode()).isEqualTo(403);
    assertThat(actuatorEnv.statusCode()).isEqualTo(403);
    assertThat(refusals.all())
        .extracting(Refusal::method, Refusal::path, Refusal::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/nothing", 401),
            org.assertj.core.groups.Tuple.tuple("GET", "/v1/nothing", 403),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/v1/things/t-1", 403),
            org.assertj.core.groups.Tuple.tuple("GET", "/actuator/env", 403));
    assertThat(refusals.all().get(1).actor()).map(Actor::name).contains("root");
  }

  @Test
  void aBadCredentialIsRefusedEvenOnAnOpenRoute() {
    assertThat(http.call("POST", "/v1/hooks/psp-a", "garbage").statusCode()).isEqualTo(401);
  }

  @Test
  void aGetRuleDoesNotOpenHead() {
    assertThat(http.call("HEAD", "/v1/things/t-1", KEYS.operator.token()).statusCode())
        .isEqualTo(403);
    assertThat(http.call("HEAD", "/v1/things/t-1", null).statusCode()).isEqualTo(401);
  }

  @Test
  void publicRoutesNeedNoCredentials() {
    HttpResponse<String> health = http.call("GET", "/actuator/health", null);
    HttpResponse<String> hook = http.call("POST", "/v1/hooks/psp-a", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
    assertThat(hook.statusCode()).isEqualTo(200);
    assertThat((String) JsonPath.read(hook.body(), "$.received")).isEqualTo("psp-a");
    assertThat(refusals.all()).isEmpty();
  }

  @Test
  void bootProvidesTheJwtDecoderFromTheJwkSetUri() {
    assertThat(context.getBeanProvider(JwtDecoder.class).getIfAvailable()).isNotNull();
  }

  @Test
  void validAccessTokenReachesTheHandlerAsItsActor() {
    String token =
        IDP.token("u-17", Map.of("roles", List.of("OPERATOR"), "preferred_username", "olga"));

    HttpResponse<String> response = http.call("POST", "/v1/things", token);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(JsonPath.<Map<String, String>>read(response.body(), "$"))
        .containsEntry("name", "olga")
        .containsEntry("role", "OPERATOR")
        .containsEntry("credential", "oidc:" + IDP.issuer());
  }

  @Test
  void merchantAccessTokenActsForItsMerchant() {
    String token = IDP.token("u-18", Map.of("roles", "merchant", "merchant_id", "m-9"));

    HttpResponse<String> response = http.call("GET", "/v1/things/t-2", token);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonPath.<Map<String, String>>read(response.body(), "$"))
        .containsEntry("name", "u-18")
        .containsEntry("role", "MERCHANT")
        .containsEntry("merchant", "m-9");
  }

  @Test
  void accessTokenWithTheWrongRoleIsForbidden() {
    String token = IDP.token("u-19", Map.of("roles", List.of("AUDITOR")));

    assertThat(http.call("POST", "/v1/things", token).statusCode()).isEqualTo(403);
    assertThat(refusals.all())
        .singleElement()
        .satisfies(
            refusal -> {
              assertThat(refusal.actor()).map(Actor::credential).contains("oidc:" + IDP.issuer());
              assertThat(refusal.status()).isEqualTo(403);
            });
  }

  @Test
  void expiredForeignOrRolelessAccessTokensAreUnauthenticated() {
    Map<String, Object> operator = Map.of("roles", List.of("OPERATOR"));

    assertThat(http.call("GET", "/v1/things/t-1", IDP.expiredToken("u-1", operator)).statusCode())
        .isEqualTo(401);
    assertThat(
            http.call("GET", "/v1/things/t-1", IDP.tokenSignedByAnotherKey("u-1", operator))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            http.call("GET", "/v1/things/t-1", IDP.token("u-1", Map.of("roles", List.of("viewer"))))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            http.call(
                    "GET", "/v1/things/t-1", IDP.token("u-1", Map.of("roles", List.of("MERCHANT"))))
                .statusCode())
        .isEqualTo(401);
    assertThat(refusals.all())
        .hasSize(4)
        .allSatisfy(refusal -> assertThat(refusal.status()).isEqualTo(401));
  }

  @Test
  void routeInventoryListsControllerAndActuatorRoutesAllCovered() {
    List<Route> routes = ServletRoutes.of(context);

    assertThat(routes)
        .extracting(route -> route.method() + " " + route.pattern())
        .contains(
            "GET /v1/things/{id}",
            "POST /v1/things",
            "POST /v1/hooks/{provider}",
            "GET /v1/fn/things/{id}",
            "GET /actuator/health");
    assertThat(Route.uncovered(routes, ServletTestApp.rules())).isEmpty();
  }

  @Test
  void functionalRoutesAreGuardedLikeControllers() {
    HttpResponse<String> auditor = http.call("GET", "/v1/fn/things/f-1", KEYS.auditor.token());

    assertThat(auditor.statusCode()).isEqualTo(200);
    assertThat((String) JsonPath.read(auditor.body(), "$.name")).isEqualTo("audrey");
    assertThat(http.call("GET", "/v1/fn/things/f-1", KEYS.operator.token()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void routeInventoryNamesARouteNoRuleCovers() {
    AccessRules withoutCreate =
        AccessRules.builder()
            .open(HttpMethod.POST, "/v1/hooks/{provider}")
            .allow(HttpMethod.GET, "/v1/things/{id}", Role.AUDITOR)
            .build();

    assertThat(Route.uncovered(ServletRoutes.of(context), withoutCreate))
        .extracting(route -> route.method() + " " + route.pattern())
        .containsExactlyInAnyOrder(
            "POST /v1/things",
            "GET /v1/fn/things/{id}",
            "POST /v1/things/{id}/notes",
            "GET /v1/notes",
            "GET /v1/notes/search",
            "GET /v1/notes/broken");
  }

  @Test
  void aFailingRefusalAuditStillRefusesAndIsLogged(CapturedOutput output) {
    refusals.failing(true);

    HttpResponse<String> response = http.call("GET", "/v1/things/t-9", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(output.getAll())
        .contains("refusal audit failed for GET /v1/things/t-9 (401)")
        .contains("audit store unavailable");
  }

  @Test
  void logsNeitherAGeneratedPasswordNorAnyKey(CapturedOutput output) {
    http.call("GET", "/v1/things/t-1", KEYS.operator.token());
    http.call("GET", "/v1/things/t-1", KEYS.operator.token() + "x");

    assertThat(output.getAll()).contains("Started ServletSecurityIT");
    assertThat(output.getAll()).doesNotContain("Using generated security password");
    KEYS.tokens().forEach(token -> assertThat(output.getAll()).doesNotContain(token));
  }
}
