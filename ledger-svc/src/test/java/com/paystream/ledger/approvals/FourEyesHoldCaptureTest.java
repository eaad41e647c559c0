package com.paystream.ledger.approvals;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.holds.HoldView;
import com.paystream.ledger.journal.persistence.EntryView;
import com.paystream.ledger.support.Commands;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.commands.PaymentCommand;
import com.paystream.security.testing.Callers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Four eyes on hold captures: one operator asks, another approves, and only then is the hold
 * captured, once, with both names on the entry; self-approval, rejection and a second approval
 * change nothing.
 */
class FourEyesHoldCaptureTest extends LedgerServiceTest {

  private static final String CLEARING = "provider-clearing:simulator:EUR";

  private String merchant;
  private UUID holdId;

  @BeforeEach
  void aHoldOf3000OnAMerchantWith9850() {
    String merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
    merchant = "merchant:" + merchantId + ":EUR";
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), 10_000))
            .setMerchantId(merchantId)
            .build();
    send(payment);
    awaitProcessed(payment);
    holdId = UUID.randomUUID();
    http()
        .post()
        .uri("/v1/holds")
        .body(
            Map.of(
                "holdId",
                holdId,
                "accountCode",
                merchant,
                "counterAccountCode",
                CLEARING,
                "amountMinor",
                3_000,
                "currency",
                "EUR",
                "reason",
                "payout"))
        .retrieve()
        .toBodilessEntity();
  }

  @Test
  void aCaptureWaitsForASecondOperatorAndThenBooksBothNames() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);

    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    assertThat(requested.getHeaders().getLocation())
        .hasToString("/v1/approvals/" + requested.getBody().get("approvalId"));
    assertThat(requested.getBody())
        .containsEntry("state", "PENDING")
        .containsEntry("action", "hold.capture")
        .containsEntry("target", holdId.toString())
        .containsEntry("requestedBy", "operator:olga")
        .containsKey("expiresAt");
    assertThat(hold().state()).isEqualTo("HELD");
    assertThat(settlementEntries()).isZero();

    ResponseEntity<Map<String, Object>> approved =
        postAs(Callers.OPERATOR2, decisionUri(requested, "approve"), Map.of("reason", "checked"));

    assertThat(approved.getStatusCode().value()).isEqualTo(200);
    assertThat(approved.getBody().get("approval").toString()).contains("state=APPROVED");
    HoldView captured = hold();
    assertThat(captured.state()).isEqualTo("CAPTURED");
    EntryView entry =
        http()
            .get()
            .uri("/v1/entries/{id}", captured.captureEntryId())
            .retrieve()
            .body(EntryView.class);
    assertThat(entry.requestedBy()).isEqualTo("operator:olga");
    assertThat(entry.approvedBy()).isEqualTo("operator:oscar");
    assertThat(settlementEntries()).isEqualTo(1);
    assertThat(verification()).containsEntry("valid", true);
  }

  @Test
  void anApprovedCaptureIsBookedInTheTraceOfTheApprovingRequest() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);
    String trace = "0af7651916cd43dd8448eb211c80319c";

    http(Callers.OPERATOR2)
        .post()
        .uri(decisionUri(requested, "approve"))
        .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
        .body(Map.of("reason", "checked"))
        .retrieve()
        .toBodilessEntity();

    EntryView entry =
        http()
            .get()
            .uri("/v1/entries/{id}", hold().captureEntryId())
            .retrieve()
            .body(EntryView.class);
    assertThat(entry.traceId()).isEqualTo(trace);
    // Its event is published under a span of its own in that trace, a child of the request's.
    org.awaitility.Awaitility.await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        com.paystream.ledger.support.TopicReader.readAll(
                                bootstrapServers(), topics.entries())
                            .stream()
                            .filter(r -> r.key().equals(entry.entryId().toString()))
                            .map(
                                r ->
                                    com.paystream.platform.outbox.OutboxHeaders.traceParent(
                                        r.headers())))
                    .singleElement()
                    .satisfies(
                        parent -> {
                          assertThat(parent).isPresent();
                          assertThat(parent.get().traceId()).isEqualTo(trace);
                          assertThat(parent.get().spanId()).isNotEqualTo("b7ad6b7169203331");
                        }));
    assertThat(verification()).containsEntry("valid", true);
  }

  @Test
  void approvingOnesOwnRequestIsRefusedAndChangesNothing() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);
    long auditBefore = count("select count(*) from audit_record");

    ResponseEntity<Map<String, Object>> self =
        postAs(Callers.OPERATOR, decisionUri(requested, "approve"), null);

    assertThat(self.getStatusCode().value()).isEqualTo(403);
    assertThat(self.getBody()).containsEntry("reason", "self-approval");
    assertThat(hold().state()).isEqualTo("HELD");
    assertThat(decisionsOf(requested)).isZero();
    assertThat(count("select count(*) from audit_record")).isEqualTo(auditBefore + 1);
    assertThat(
            count(
                "select count(*) from audit_record where outcome = 'REFUSED'"
                    + " and action = 'approval.approve' and actor = 'operator:olga'"
                    + " and reason like '403 self-approval%'"))
        .isEqualTo(1);
    assertThat(
            postAs(Callers.OPERATOR, decisionUri(requested, "reject"), null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void aRejectedRequestChangesNothingAndCannotBeApprovedAfterwards() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);

    ResponseEntity<Map<String, Object>> rejected =
        postAs(Callers.OPERATOR2, decisionUri(requested, "reject"), Map.of("reason", "no"));

    assertThat(rejected.getStatusCode().value()).isEqualTo(200);
    assertThat(hold().state()).isEqualTo("HELD");
    ResponseEntity<Map<String, Object>> late =
        postAs(Callers.OPERATOR2, decisionUri(requested, "approve"), null);
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody()).containsEntry("reason", "already-decided");
    assertThat(hold().state()).isEqualTo("HELD");
    assertThat(settlementEntries()).isZero();
  }

  @Test
  void racingApprovalsCaptureOnce() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);
    String uri = decisionUri(requested, "approve");

    List<CompletableFuture<Integer>> approvals = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      approvals.add(
          CompletableFuture.supplyAsync(
              () -> postAs(Callers.OPERATOR2, uri, null).getStatusCode().value()));
    }
    List<Integer> statuses = approvals.stream().map(CompletableFuture::join).sorted().toList();

    assertThat(statuses).containsExactly(200, 409, 409, 409);
    assertThat(hold().state()).isEqualTo("CAPTURED");
    assertThat(settlementEntries()).isEqualTo(1);
    assertThat(decisionsOf(requested)).isEqualTo(1);
    assertThat(postAs(Callers.OPERATOR2, uri, null).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void aDecisionBodyThatNamesTheApproverIsRefused() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);

    ResponseEntity<Map<String, Object>> named =
        postAs(Callers.OPERATOR2, decisionUri(requested, "approve"), Map.of("approvedBy", "x"));

    assertThat(named.getStatusCode().value()).isEqualTo(400);
    assertThat(hold().state()).isEqualTo("HELD");
  }

  @Test
  void pendingRequestsAreListedForOperatorsAndAuditors() {
    ResponseEntity<Map<String, Object>> requested = postAs(Callers.OPERATOR, captureUri(), null);
    String id = requested.getBody().get("approvalId").toString();

    assertThat(list(Callers.AUDITOR, "PENDING")).contains(id);
    assertThat(list(Callers.OPERATOR, "PENDING")).contains(id);
    postAs(Callers.OPERATOR2, decisionUri(requested, "approve"), null);
    assertThat(list(Callers.AUDITOR, "PENDING")).doesNotContain(id);
    assertThat(list(Callers.AUDITOR, "APPROVED")).contains(id);
    assertThat(http(Callers.AUDITOR).get().uri("/v1/approvals/{id}", id).retrieve().body(Map.class))
        .containsEntry("state", "APPROVED")
        .containsEntry("decidedBy", "operator:oscar");
    assertThat(
            postAs(Callers.OPERATOR2, "/v1/approvals/" + UUID.randomUUID() + "/approve", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }

  @Test
  void aGatewayCommandBooksItsApprover() {
    String paymentId = "pay-" + UUID.randomUUID();
    PaymentCallback payment = succeeded(paymentId, 5_000);
    send(payment);
    awaitProcessed(payment);
    PaymentCommand amendment =
        PaymentCommand.newBuilder(Commands.amendment(paymentId, 4_000, "wrong amount"))
            .setRequestedBy("operator:olga")
            .setApprovedBy("operator:oscar")
            .build();

    send(amendment);
    awaitProcessed(amendment.getCommandId());

    EntryView amended =
        entriesOf(paymentId).stream()
            .filter(e -> e.entryType().equals("AMENDMENT"))
            .findFirst()
            .orElseThrow();
    assertThat(amended.requestedBy()).isEqualTo("operator:olga");
    assertThat(amended.approvedBy()).isEqualTo("operator:oscar");
    assertThat(verification()).containsEntry("valid", true);
  }

  private long decisionsOf(ResponseEntity<Map<String, Object>> requested) {
    return count(
        "select count(*) from approval_decision where request_id = ?::uuid",
        requested.getBody().get("approvalId").toString());
  }

  private String captureUri() {
    return "/v1/holds/" + holdId + "/capture";
  }

  private static String decisionUri(ResponseEntity<Map<String, Object>> requested, String verb) {
    return "/v1/approvals/" + requested.getBody().get("approvalId") + "/" + verb;
  }

  private String list(String token, String state) {
    return http(token).get().uri("/v1/approvals?state={s}", state).retrieve().body(String.class);
  }

  private HoldView hold() {
    return http().get().uri("/v1/holds/{id}", holdId).retrieve().body(HoldView.class);
  }

  private long settlementEntries() {
    return count(
        "select count(*) from journal_entry where entry_type = 'SETTLEMENT' and description like ?",
        "capture of hold " + holdId + "%");
  }

  private Map<String, Object> verification() {
    return http(Callers.AUDITOR)
        .get()
        .uri("/v1/journal/verification")
        .retrieve()
        .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
  }
}
