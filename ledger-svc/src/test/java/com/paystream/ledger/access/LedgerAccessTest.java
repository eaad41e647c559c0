package com.paystream.ledger.access;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.security.AccessRules;
import com.paystream.security.Route;
import com.paystream.security.servlet.ServletRoutes;
import com.paystream.security.testing.AccessProbe;
import com.paystream.security.testing.Callers;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every route of the running ledger is public or covered by a role rule, and every state-changing
 * route answers each kind of caller as the README's authorization table says.
 */
class LedgerAccessTest extends LedgerServiceTest {

  private static final String ANONYMOUS = AccessProbe.ANONYMOUS;
  private static final String WRONG_KEY = AccessProbe.WRONG_KEY;

  @Test
  void everyMappedRouteIsPublicOrCoveredByARoleRule(
      @Autowired ApplicationContext context, @Autowired AccessRules rules) {
    List<Route> routes = ServletRoutes.of(context);
    assertThat(routes)
        .extracting(Route::pattern)
        .contains(
            "/v1/holds",
            "/v1/days/{date}/close",
            "/schema-registry/**",
            "/v1/approvals",
            "/v1/approvals/{approvalId}/approve",
            "/v1/approvals/{approvalId}/reject",
            "/v1/audit",
            "/v1/merchants/{merchantId}/payouts",
            "/v1/merchants/{merchantId}/payouts/{payoutId}",
            "/v1/merchants/{merchantId}/bank-details");
    assertThat(Route.uncovered(routes, rules)).isEmpty();
  }

  @Test
  void stateChangingRoutesAnswerEachCallerAsTheTableSays() {
    String hold = "/v1/holds/" + UUID.randomUUID();
    Map<String, String> posts = new LinkedHashMap<>();
    posts.put("/v1/holds", "{}");
    posts.put(hold + "/capture", "");
    posts.put(hold + "/release", "");
    posts.put("/v1/days/" + LocalDate.now().plusYears(5) + "/close", "");
    String approval = "/v1/approvals/" + UUID.randomUUID();
    posts.put(approval + "/approve", "");
    posts.put(approval + "/reject", "");
    posts.put("/v1/merchants/m-1/payouts", "{}");
    for (var route : posts.entrySet()) {
      String path = route.getKey();
      assertThat(post(path, route.getValue(), ANONYMOUS)).as("anonymous " + path).isEqualTo(401);
      assertThat(post(path, route.getValue(), WRONG_KEY)).as("wrong key " + path).isEqualTo(401);
      assertThat(post(path, route.getValue(), "garbage")).as("garbage " + path).isEqualTo(401);
      assertThat(post(path, route.getValue(), Callers.MERCHANT))
          .as("merchant " + path)
          .isEqualTo(403);
      assertThat(post(path, route.getValue(), Callers.AUDITOR))
          .as("auditor " + path)
          .isEqualTo(403);
      assertThat(post(path, route.getValue(), Callers.ADMIN)).as("admin " + path).isEqualTo(403);
      // An operator passes the gate; the request itself then decides (400, 404, 409, 422...).
      assertThat(post(path, route.getValue(), Callers.OPERATOR))
          .as("operator " + path)
          .isNotIn(401, 403);
    }
  }

  @Test
  void readsAreForMerchantsOwnDataOperatorsAndAuditors() {
    PaymentCallback callback = succeeded("pay-" + UUID.randomUUID(), 4_200);
    send(callback);
    awaitProcessed(callback);
    String entries = "/v1/payments/" + callback.getPaymentId() + "/entries";

    assertThat(get(entries, ANONYMOUS)).isEqualTo(401);
    assertThat(get(entries, Callers.MERCHANT)).isEqualTo(200);
    assertThat(get(entries, Callers.OTHER_MERCHANT)).isEqualTo(404);
    assertThat(get(entries, Callers.OPERATOR)).isEqualTo(200);
    assertThat(get(entries, Callers.AUDITOR)).isEqualTo(200);
    assertThat(get(entries, Callers.ADMIN)).isEqualTo(403);

    String own = "/v1/accounts?code=merchant:m-1:EUR";
    assertThat(get(own, Callers.MERCHANT)).isEqualTo(200);
    assertThat(get(own, Callers.OTHER_MERCHANT)).isEqualTo(404);
    assertThat(get("/v1/accounts?code=fee-revenue:EUR", Callers.MERCHANT)).isEqualTo(404);
    assertThat(get("/v1/accounts?code=fee-revenue:EUR", Callers.AUDITOR)).isEqualTo(200);
    assertThat(get("/v1/days/" + LocalDate.now(), Callers.MERCHANT)).isEqualTo(403);

    assertThat(get("/v1/approvals", Callers.OPERATOR)).isEqualTo(200);
    assertThat(get("/v1/approvals", Callers.AUDITOR)).isEqualTo(200);
    assertThat(get("/v1/approvals", Callers.MERCHANT)).isEqualTo(403);
    assertThat(get("/v1/approvals/" + UUID.randomUUID(), Callers.AUDITOR)).isEqualTo(404);
    assertThat(get("/v1/audit", Callers.AUDITOR)).isEqualTo(200);
    assertThat(get("/v1/audit", Callers.OPERATOR)).isEqualTo(403);
    assertThat(get("/v1/audit", Callers.MERCHANT)).isEqualTo(403);
    assertThat(get("/v1/audit", Callers.ADMIN)).isEqualTo(403);
    assertThat(get("/v1/audit", ANONYMOUS)).isEqualTo(401);

    assertThat(get("/actuator/health/readiness", ANONYMOUS)).isEqualTo(200);
    assertThat(get("/actuator/prometheus", ANONYMOUS)).isEqualTo(200);
    assertThat(get("/schema-registry/subjects", ANONYMOUS)).isEqualTo(200);
    assertThat(get("/v1/not-a-route", ANONYMOUS)).isEqualTo(401);
    assertThat(get("/v1/not-a-route", Callers.OPERATOR)).isEqualTo(403);
  }

  @Test
  void theActorComesFromTheCredentialsNeverFromTheBody() {
    String body =
        """
        {"holdId":"%s","accountCode":"merchant:m-1:EUR","counterAccountCode":"provider-clearing:simulator:EUR",
         "amountMinor":1,"currency":"EUR","reason":"r","requestedBy":"somebody-else"}"""
            .formatted(UUID.randomUUID());
    assertThat(post("/v1/holds", body, Callers.OPERATOR)).isEqualTo(400);
  }

  private int get(String path, String token) {
    return new AccessProbe(port).get(path, token);
  }

  private int post(String path, String body, String token) {
    return new AccessProbe(port).post(path, body, token);
  }
}
