package com.paystream.recon;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.recon.support.ReconInfrastructure;
import com.paystream.security.AccessRules;
import com.paystream.security.Route;
import com.paystream.security.servlet.ServletRoutes;
import com.paystream.security.testing.AccessProbe;
import com.paystream.security.testing.Callers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every route of the running service is public or covered by a role rule, and every state-changing
 * route answers each kind of caller as the README's authorization table says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconciliationAccessIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    ReconInfrastructure.register(registry, "access");
  }

  @Test
  void everyMappedRouteIsPublicOrCoveredByARoleRule(
      @Autowired ApplicationContext context, @Autowired AccessRules rules) {
    List<Route> routes = ServletRoutes.of(context);
    assertThat(routes)
        .extracting(Route::pattern)
        .contains("/v1/breaks/{breakId}/resolution", "/v1/statements");
    assertThat(Route.uncovered(routes, rules)).isEmpty();
  }

  @Test
  void stateChangingRoutesAnswerEachCallerAsTheTableSays() {
    AccessProbe probe = new AccessProbe(port);
    Map<String, String> posts =
        Map.of(
            "/v1/breaks/nobody:1/resolution",
            "{\"reason\":\"probe\"}",
            "/v1/reports/2025-03-14",
            "",
            "/v1/statements?format=csv",
            "",
            "/v1/approvals/" + java.util.UUID.randomUUID() + "/approve",
            "",
            "/v1/approvals/" + java.util.UUID.randomUUID() + "/reject",
            "");
    posts.forEach(
        (path, body) -> {
          assertThat(probe.post(path, body, AccessProbe.ANONYMOUS)).as(path).isEqualTo(401);
          assertThat(probe.post(path, body, AccessProbe.WRONG_KEY)).as(path).isEqualTo(401);
          assertThat(probe.post(path, body, "garbage")).as(path).isEqualTo(401);
          assertThat(probe.post(path, body, Callers.MERCHANT)).as(path).isEqualTo(403);
          assertThat(probe.post(path, body, Callers.AUDITOR)).as(path).isEqualTo(403);
          assertThat(probe.post(path, body, Callers.ADMIN)).as(path).isEqualTo(403);
          assertThat(probe.post(path, body, Callers.OPERATOR)).as(path).isNotIn(401, 403);
        });
    // Past the gate the answer depends on the Streams state (503 until it runs).
    assertThat(probe.get("/v1/breaks", Callers.AUDITOR)).isNotIn(401, 403);
    assertThat(probe.get("/v1/breaks", Callers.MERCHANT)).isEqualTo(403);
    assertThat(probe.get("/v1/breaks", AccessProbe.ANONYMOUS)).isEqualTo(401);
    assertThat(probe.get("/actuator/health/liveness", AccessProbe.ANONYMOUS)).isEqualTo(200);
    assertThat(probe.get("/v1/audit", Callers.AUDITOR)).isEqualTo(200);
    assertThat(probe.get("/v1/audit", Callers.OPERATOR)).isEqualTo(403);
    assertThat(probe.get("/v1/approvals", Callers.AUDITOR)).isEqualTo(200);
    assertThat(probe.get("/v1/approvals", Callers.MERCHANT)).isEqualTo(403);
  }
}
