package com.paystream.ledger.audit;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.audit.AuditEvent;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.security.testing.AccessProbe;
import com.paystream.security.testing.Callers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;

/**
 * Every state-changing call, accepted or refused, leaves exactly one audit record and one {@code
 * AuditEvent}; a refused call leaves nothing else; auditors query the trail.
 */
class AuditTrailTest extends LedgerServiceTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  private String merchantId;

  @BeforeEach
  void aMerchantWithMoney() {
    merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), 10_000))
            .setMerchantId(merchantId)
            .build();
    send(payment);
    awaitProcessed(payment);
  }

  @Test
  void anAcceptedCallIsOneRecordAndOneEventWithItsRequestAndTraceIds() {
    UUID holdId = UUID.randomUUID();
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";

    ResponseEntity<Map<String, Object>> placed =
        http()
            .post()
            .uri("/v1/holds")
            .header("X-Request-Id", "req-" + holdId)
            .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
            .body(hold(holdId, 1_000))
            .exchange(
                (req, res) ->
                    ResponseEntity.status(res.getStatusCode())
                        .headers(res.getHeaders())
                        .body(res.bodyTo(JSON)));

    assertThat(placed.getStatusCode().value()).isEqualTo(201);
    assertThat(placed.getHeaders().getFirst("X-Request-Id")).isEqualTo("req-" + holdId);
    Map<String, Object> record = onlyRecordFor(holdId.toString());
    assertThat(record)
        .containsEntry("actor", "operator:olga")
        .containsEntry("role", "OPERATOR")
        .containsEntry("action", "hold.place")
        .containsEntry("outcome", "ACCEPTED")
        .containsEntry("reason", "payout")
        .containsEntry("requestId", "req-" + holdId)
        .containsEntry("traceId", trace)
        .containsEntry("service", "ledger-svc");
    assertThat(record.get("credential").toString()).startsWith("key:");
    AuditEvent event = onlyEventFor(holdId.toString());
    assertThat(event.getAuditId()).hasToString(record.get("auditId").toString());
    assertThat(event.getOutcome().name()).isEqualTo("ACCEPTED");
    assertThat(event.getActor()).isEqualTo("operator:olga");
  }

  @Test
  void anAnonymousCallIsRefusedRecordedAndChangesNothing() {
    UUID holdId = placedHold();
    long settlements = count("select count(*) from hold_settlement");

    int status =
        new AccessProbe(port).post("/v1/holds/" + holdId + "/release", "", AccessProbe.ANONYMOUS);

    assertThat(status).isEqualTo(401);
    Map<String, Object> refused = onlyRecordFor(holdId.toString(), "REFUSED");
    assertThat(refused)
        .containsEntry("actor", "anonymous")
        .containsEntry("role", "NONE")
        .containsEntry("credential", "")
        .containsEntry("action", "hold.release");
    assertThat(refused.get("reason").toString()).startsWith("401");
    assertThat(onlyEventFor(holdId.toString(), "REFUSED").getActor()).isEqualTo("anonymous");
    assertThat(count("select count(*) from hold_settlement")).isEqualTo(settlements);
  }

  @Test
  void aCallerWithoutTheRoleIsRefusedRecordedAndChangesNothing() {
    UUID holdId = placedHold();

    int status =
        new AccessProbe(port).post("/v1/holds/" + holdId + "/release", "", Callers.MERCHANT);

    assertThat(status).isEqualTo(403);
    Map<String, Object> refused = onlyRecordFor(holdId.toString(), "REFUSED");
    assertThat(refused)
        .containsEntry("actor", "merchant:m-1")
        .containsEntry("role", "MERCHANT")
        .containsEntry("action", "hold.release");
    assertThat(onlyEventFor(holdId.toString(), "REFUSED").getRole()).isEqualTo("MERCHANT");
    assertThat(http().get().uri("/v1/holds/{id}", holdId).retrieve().body(JSON).get("state"))
        .isEqualTo("HELD");
  }

  @Test
  void aBadBodyIsRefusedRecordedAndChangesNothing() {
    UUID holdId = UUID.randomUUID();
    long holds = count("select count(*) from hold");
    String requestId = "bad-" + holdId;

    ResponseEntity<Map<String, Object>> refused =
        http()
            .post()
            .uri("/v1/holds")
            .header("X-Request-Id", requestId)
            .body(Map.of("holdId", holdId, "amountMinor", -5))
            .exchange(
                (req, res) -> ResponseEntity.status(res.getStatusCode()).body(res.bodyTo(JSON)));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    List<Map<String, Object>> records =
        items("/v1/audit?action=hold.place&outcome=REFUSED&actor=operator:olga").stream()
            .filter(r -> requestId.equals(r.get("requestId")))
            .toList();
    assertThat(records).singleElement();
    assertThat(records.get(0).get("reason").toString()).startsWith("400 missing");
    assertThat(count("select count(*) from hold")).isEqualTo(holds);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                published(topics.audit(), AuditEvent.class).stream()
                        .filter(e -> requestId.equals(e.getRequestId()))
                        .count()
                    == 1);
  }

  @Test
  void aFourEyesRequestAndItsApprovalAreOneRecordEach() {
    UUID holdId = placedHold();

    requestedAndApproved("/v1/holds/" + holdId + "/capture");

    assertThat(onlyRecordFor(holdId.toString(), "REQUESTED"))
        .containsEntry("actor", "operator:olga");
    Map<String, Object> approved = onlyRecordFor(holdId.toString(), "APPROVED");
    assertThat(approved)
        .containsEntry("actor", "operator:oscar")
        .containsEntry("action", "hold.capture");
    assertThat(onlyEventFor(holdId.toString(), "REQUESTED").getAction()).isEqualTo("hold.capture");
    assertThat(onlyEventFor(holdId.toString(), "APPROVED").getRequestId())
        .isEqualTo(approved.get("requestId"));
    assertThat(records(holdId.toString())).hasSize(3); // placed, requested, approved
  }

  @Test
  void theTableRefusesUpdateAndDelete() {
    placedHold();

    // The service's own role may not even try; the owner, which may, meets the trigger.
    for (String sql :
        java.util.List.of(
            "update audit_record set actor = 'somebody'",
            "delete from audit_record",
            "truncate audit_record")) {
      assertThatThrownBy(() -> jdbc.update(sql))
          .as(sql)
          .rootCause()
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> owner().update(sql))
          .as(sql)
          .rootCause()
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void auditorsPageThroughTheTrailNewestFirstAndOthersMayNot() {
    UUID holdId = placedHold();
    http().post().uri("/v1/holds/{id}/release", holdId).retrieve().toBodilessEntity();

    Map<String, Object> first = page("/v1/audit?target=" + holdId + "&limit=1");
    assertThat(items(first))
        .singleElement()
        .satisfies(r -> assertThat(r.get("action")).isEqualTo("hold.release"));
    assertThat(first.get("nextCursor")).isNotNull();
    Map<String, Object> second =
        page("/v1/audit?target=" + holdId + "&limit=1&cursor=" + first.get("nextCursor"));
    assertThat(items(second))
        .singleElement()
        .satisfies(r -> assertThat(r.get("action")).isEqualTo("hold.place"));
    assertThat(second.get("nextCursor")).isNull();
    assertThat(items(page("/v1/audit?target=" + holdId + "&outcome=ACCEPTED&actor=operator:olga")))
        .hasSize(2);
    assertThat(items(page("/v1/audit?target=" + holdId + "&from=2099-01-01T00:00:00Z"))).isEmpty();

    AccessProbe probe = new AccessProbe(port);
    assertThat(probe.get("/v1/audit?limit=0", Callers.AUDITOR)).isEqualTo(400);
    assertThat(probe.get("/v1/audit?limit=501", Callers.AUDITOR)).isEqualTo(400);
    assertThat(probe.get("/v1/audit?from=yesterday", Callers.AUDITOR)).isEqualTo(400);
    assertThat(probe.get("/v1/audit?outcome=MAYBE", Callers.AUDITOR)).isEqualTo(400);
    assertThat(probe.get("/v1/audit?cursor=nonsense", Callers.AUDITOR)).isEqualTo(400);
    assertThat(probe.get("/v1/audit", Callers.OPERATOR)).isEqualTo(403);
  }

  private UUID placedHold() {
    UUID holdId = UUID.randomUUID();
    http().post().uri("/v1/holds").body(hold(holdId, 1_000)).retrieve().toBodilessEntity();
    return holdId;
  }

  private Map<String, Object> hold(UUID holdId, long amountMinor) {
    return Map.of(
        "holdId",
        holdId,
        "accountCode",
        "merchant:" + merchantId + ":EUR",
        "counterAccountCode",
        "provider-clearing:simulator:EUR",
        "amountMinor",
        amountMinor,
        "currency",
        "EUR",
        "reason",
        "payout");
  }

  private Map<String, Object> onlyRecordFor(String target) {
    return onlyRecordFor(target, "ACCEPTED");
  }

  private Map<String, Object> onlyRecordFor(String target, String outcome) {
    List<Map<String, Object>> records =
        records(target).stream().filter(r -> outcome.equals(r.get("outcome"))).toList();
    assertThat(records).as("%s records of %s", outcome, target).hasSize(1);
    return records.get(0);
  }

  private List<Map<String, Object>> records(String target) {
    return items("/v1/audit?target=" + target);
  }

  private List<Map<String, Object>> items(String uri) {
    return items(page(uri));
  }

  private Map<String, Object> page(String uri) {
    return http(Callers.AUDITOR).get().uri(uri).retrieve().body(JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  private AuditEvent onlyEventFor(String target) {
    return onlyEventFor(target, "ACCEPTED");
  }

  /** Waits for the event, then checks it is the only one of its kind for the target. */
  private AuditEvent onlyEventFor(String target, String outcome) {
    await().atMost(DEADLINE).until(() -> !events(target, outcome).isEmpty());
    List<AuditEvent> events = events(target, outcome);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private List<AuditEvent> events(String target, String outcome) {
    return published(topics.audit(), AuditEvent.class).stream()
        .filter(e -> e.getTarget().equals(target) && e.getOutcome().name().equals(outcome))
        .toList();
  }
}
