package com.paystream.ledger.approvals;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.holds.HoldView;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.security.testing.Callers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** A request nobody decided in time expires: approving it is refused and changes nothing. */
@TestPropertySource(properties = "paystream.approvals.expire-after=2s")
class ApprovalExpiryTest extends LedgerServiceTest {

  @Test
  void anExpiredRequestCannotBeApprovedAndChangesNothing() {
    String merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), 10_000))
            .setMerchantId(merchantId)
            .build();
    send(payment);
    awaitProcessed(payment);
    UUID holdId = UUID.randomUUID();
    http()
        .post()
        .uri("/v1/holds")
        .body(
            Map.of(
                "holdId",
                holdId,
                "accountCode",
                "merchant:" + merchantId + ":EUR",
                "counterAccountCode",
                "provider-clearing:simulator:EUR",
                "amountMinor",
                1_000,
                "currency",
                "EUR",
                "reason",
                "payout"))
        .retrieve()
        .toBodilessEntity();
    ResponseEntity<Map<String, Object>> requested =
        postAs(Callers.OPERATOR, "/v1/holds/" + holdId + "/capture", null);
    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    String id = requested.getBody().get("approvalId").toString();

    await()
        .atMost(DEADLINE)
        .until(
            () ->
                http(Callers.AUDITOR)
                    .get()
                    .uri("/v1/approvals?state=EXPIRED")
                    .retrieve()
                    .body(String.class)
                    .contains(id));
    ResponseEntity<Map<String, Object>> late =
        postAs(Callers.OPERATOR2, "/v1/approvals/" + id + "/approve", null);

    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody()).containsEntry("reason", "expired");
    assertThat(http().get().uri("/v1/holds/{id}", holdId).retrieve().body(HoldView.class).state())
        .isEqualTo("HELD");
    assertThat(count("select count(*) from approval_decision where verdict = 'EXPIRED'"))
        .isEqualTo(1);
    assertThat(count("select count(*) from audit_record where outcome = 'EXPIRED'")).isEqualTo(1);
    assertThat(
            postAs(Callers.OPERATOR2, "/v1/approvals/" + id + "/approve", null)
                .getBody()
                .get("reason"))
        .isEqualTo("expired");
    assertThat(count("select count(*) from audit_record where outcome = 'EXPIRED'")).isEqualTo(1);
    assertThat(count("select count(*) from journal_entry where entry_type = 'SETTLEMENT'"))
        .isZero();
  }
}
