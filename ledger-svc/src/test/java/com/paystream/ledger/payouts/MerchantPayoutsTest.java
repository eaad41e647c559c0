package com.paystream.ledger.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.security.testing.AccessProbe;
import com.paystream.security.testing.Callers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Merchant payouts over HTTP: bank details only after a second operator approved them, and masked
 * everywhere; a payout holds the merchant's money at once up to the four-eyes threshold, above it
 * only once another operator approved it; the idempotency key names the payout; the limits refuse
 * with a problem; and every endpoint answers each role as the README's table says.
 */
@TestPropertySource(
    properties = {
      "paystream.ledger.payouts.four-eyes-above-minor.default=2000",
      "paystream.ledger.payouts.limits.default.max-per-payout-minor=5000",
      "paystream.ledger.payouts.limits.default.max-per-day-minor=6000"
    })
class MerchantPayoutsTest extends PayoutsTestBase {

  @Test
  void bankDetailsApplyOnlyOnceAnotherOperatorApprovedThemAndAreAlwaysMasked() {
    ResponseEntity<Map<String, Object>> requested = putBankDetails(Callers.OPERATOR, IBAN);

    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    assertThat(requested.getBody()).containsEntry("action", "merchant.bank-details");
    assertThat(requested.getBody().toString()).contains(MASKED).doesNotContain(IBAN);
    Map<String, Object> pending = bankDetails(Callers.OPERATOR).getBody();
    assertThat(pending.get("approved")).isNull();
    assertThat(pending.get("pending").toString()).contains(MASKED);
    assertThat(requestPayout(Callers.OPERATOR, 1_000, "k-" + UUID.randomUUID()).getBody())
        .containsEntry("code", "NO_APPROVED_BANK_DETAILS");

    String approve = "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve";
    assertThat(postAs(Callers.OPERATOR, approve, null).getStatusCode().value())
        .as("the requester may not approve")
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> approved = postAs(Callers.OPERATOR2, approve, null);

    assertThat(approved.getStatusCode().value()).isEqualTo(200);
    assertThat(approved.getBody().toString()).contains(MASKED).doesNotContain(IBAN);
    Map<String, Object> current = bankDetails(Callers.AUDITOR).getBody();
    assertThat((Map<String, Object>) current.get("approved"))
        .containsEntry("ibanMasked", MASKED)
        .containsEntry("holderName", "Books & Co")
        .containsEntry("requestedBy", "operator:olga")
        .containsEntry("approvedBy", "operator:oscar");
    assertThat((List<?>) current.get("pending")).isEmpty();
    assertThat(count("select count(*) from merchant_bank_details where iban = ?", IBAN))
        .isPositive();
    assertThat(
            count(
                "select count(*) from audit_record where target = ? and action = ?",
                merchantId,
                "merchant.bank-details"))
        .as("requested and approved")
        .isEqualTo(2);
    assertThat(count("select count(*) from audit_record where reason like ?", "%" + IBAN + "%"))
        .isZero();
    assertThat(
            count(
                "select count(*) from approval_request where payload || reason like ?",
                "%" + IBAN + "%"))
        .isZero();
    assertThat(
            count(
                "select count(*) from outbox where position(convert_to(?, 'UTF8') in payload) > 0",
                IBAN))
        .isZero();
  }

  @Test
  void anInvalidIbanIsRefusedWithoutEchoingIt() {
    String wrongCheckDigits = "DE00370400440532013000";

    ResponseEntity<Map<String, Object>> refused =
        putBankDetails(Callers.OPERATOR, wrongCheckDigits);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody())
        .containsEntry("code", "INVALID_IBAN")
        .containsEntry("field", "iban");
    assertThat(refused.getBody().toString()).doesNotContain(wrongCheckDigits);
    assertThat(
            count(
                "select count(*) from audit_record where reason like ?",
                "%" + wrongCheckDigits + "%"))
        .isZero();
  }

  @Test
  void aPayoutUpToTheThresholdHoldsAtOnceAndItsKeyNamesIt() {
    approvedBankDetails();
    String key = "k-" + UUID.randomUUID();

    ResponseEntity<Map<String, Object>> created = requestPayout(Callers.OPERATOR, 2_000, key);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String payoutId = (String) created.getBody().get("payoutId");
    assertThat(payoutId).matches("mpo_[A-Za-z0-9_-]{24}");
    assertThat(created.getHeaders().getLocation())
        .hasToString("/v1/merchants/" + merchantId + "/payouts/" + payoutId);
    assertThat(created.getBody())
        .containsEntry("state", "HELD")
        .containsEntry("bankAccount", MASKED)
        .containsEntry("requestedBy", "operator:olga");
    assertThat(account())
        .extracting(AccountView::availableMinor, AccountView::frozenMinor)
        .containsExactly(7_850L, 2_000L);

    ResponseEntity<Map<String, Object>> again = requestPayout(Callers.OPERATOR, 2_000, key);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).containsEntry("payoutId", payoutId);
    assertThat(account().frozenMinor()).isEqualTo(2_000L);
    ResponseEntity<Map<String, Object>> otherTerms = requestPayout(Callers.OPERATOR, 1_999, key);
    assertThat(otherTerms.getStatusCode().value()).isEqualTo(409);
    assertThat(otherTerms.getBody()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
    assertThat(payout(payoutId)).containsEntry("state", "HELD");
    assertThat(
            count(
                "select count(*) from audit_record where action = 'merchant-payout.request'"
                    + " and target = ? and outcome = 'ACCEPTED'",
                payoutId))
        .isEqualTo(1);
  }

  @Test
  void aPayoutAboveTheThresholdHoldsNothingUntilAnotherOperatorApprovesIt() {
    approvedBankDetails();

    ResponseEntity<Map<String, Object>> requested =
        requestPayout(Callers.OPERATOR, 3_000, "k-" + UUID.randomUUID());

    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    Map<String, Object> payout = (Map<String, Object>) requested.getBody().get("payout");
    String payoutId = (String) payout.get("payoutId");
    assertThat(payout).containsEntry("state", "AWAITING_APPROVAL");
    assertThat(requested.getBody())
        .containsEntry("action", "merchant-payout.request")
        .containsEntry("target", payoutId);
    assertThat(account().frozenMinor()).isZero();
    String approve = "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve";
    ResponseEntity<Map<String, Object>> self = postAs(Callers.OPERATOR, approve, null);
    assertThat(self.getStatusCode().value()).isEqualTo(403);
    assertThat(self.getBody()).containsEntry("reason", "self-approval");
    assertThat(payout(payoutId)).containsEntry("state", "AWAITING_APPROVAL");

    ResponseEntity<Map<String, Object>> approved = postAs(Callers.OPERATOR2, approve, null);

    assertThat(approved.getStatusCode().value()).isEqualTo(200);
    assertThat((Map<String, Object>) approved.getBody().get("result"))
        .containsEntry("state", "HELD");
    assertThat(payout(payoutId)).containsEntry("state", "HELD");
    assertThat(account())
        .extracting(AccountView::availableMinor, AccountView::frozenMinor)
        .containsExactly(6_850L, 3_000L);
  }

  @Test
  void aRejectedPayoutHoldsNothing() {
    approvedBankDetails();
    ResponseEntity<Map<String, Object>> requested =
        requestPayout(Callers.OPERATOR, 3_000, "k-" + UUID.randomUUID());
    String payoutId = (String) ((Map<?, ?>) requested.getBody().get("payout")).get("payoutId");

    postAs(
        Callers.OPERATOR2,
        "/v1/approvals/" + requested.getBody().get("approvalId") + "/reject",
        Map.of("reason", "not today"));

    assertThat(payout(payoutId)).containsEntry("state", "REJECTED");
    assertThat(account().frozenMinor()).isZero();
  }

  @Test
  void aPayoutAboveTheMerchantsLimitsIsRefusedWithAProblem() {
    approvedBankDetails();

    ResponseEntity<Map<String, Object>> tooLarge =
        requestPayout(Callers.OPERATOR, 5_001, "k-" + UUID.randomUUID());

    assertThat(tooLarge.getStatusCode().value()).isEqualTo(422);
    assertThat(tooLarge.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(tooLarge.getBody())
        .containsEntry("code", "PAYOUT_LIMIT_EXCEEDED")
        .containsEntry("reason", "payout-limit-exceeded");
    assertThat(
            requestPayout(Callers.OPERATOR, 2_000, "k-" + UUID.randomUUID())
                .getStatusCode()
                .value())
        .isEqualTo(201);
    // Waiting for approval counts against the day too: the money may still leave today.
    assertThat(
            requestPayout(Callers.OPERATOR, 3_000, "k-" + UUID.randomUUID())
                .getStatusCode()
                .value())
        .isEqualTo(202);

    ResponseEntity<Map<String, Object>> overTheDay =
        requestPayout(Callers.OPERATOR, 1_001, "k-" + UUID.randomUUID());

    assertThat(overTheDay.getStatusCode().value()).isEqualTo(422);
    assertThat(overTheDay.getBody()).containsEntry("code", "DAILY_PAYOUT_LIMIT_EXCEEDED");
    assertThat(account().frozenMinor()).isEqualTo(2_000L);
    assertThat(
            requestPayout(Callers.OPERATOR, 1_000, "k-" + UUID.randomUUID())
                .getStatusCode()
                .value())
        .isEqualTo(201);
  }

  @Test
  void aPayoutBeyondTheAvailableMoneyIsRefusedAndLeavesNothing() {
    approvedBankDetails();
    http()
        .post()
        .uri("/v1/holds")
        .body(
            Map.of(
                "holdId",
                UUID.randomUUID(),
                "accountCode",
                merchant,
                "counterAccountCode",
                "bank-cash:EUR",
                "amountMinor",
                9_000,
                "currency",
                "EUR",
                "reason",
                "another reservation"))
        .retrieve()
        .toBodilessEntity();
    long payouts = count("select count(*) from merchant_payout");

    ResponseEntity<Map<String, Object>> refused =
        requestPayout(Callers.OPERATOR, 1_000, "k-" + UUID.randomUUID());

    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody()).containsEntry("code", "INSUFFICIENT_FUNDS");
    assertThat(count("select count(*) from merchant_payout")).isEqualTo(payouts);
    assertThat(account().frozenMinor()).isEqualTo(9_000L);
  }

  @Test
  void aPayoutInACurrencyTheMerchantHasNoAccountInIsNotFound() {
    approvedBankDetails();

    ResponseEntity<Map<String, Object>> refused =
        postAs(
            Callers.OPERATOR,
            "/v1/merchants/" + merchantId + "/payouts",
            Map.of("amountMinor", 1_500, "currency", "USD", "idempotencyKey", "k-usd"));

    assertThat(refused.getStatusCode().value()).isEqualTo(404);
    assertThat(refused.getBody()).containsEntry("code", "UNKNOWN_ACCOUNT");
  }

  @Test
  void theActorComesFromTheCredentialsNeverFromTheBody() {
    approvedBankDetails();

    ResponseEntity<Map<String, Object>> refused =
        postAs(
            Callers.OPERATOR,
            "/v1/merchants/" + merchantId + "/payouts",
            Map.of("amountMinor", 1, "currency", "EUR", "idempotencyKey", "k", "requestedBy", "x"));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("code", "ACTOR_IN_BODY");
  }

  @Test
  void everyEndpointAnswersEachRoleAsTheTableSays() {
    approvedBankDetails();
    String payoutId =
        (String)
            requestPayout(Callers.OPERATOR, 100, "k-" + UUID.randomUUID())
                .getBody()
                .get("payoutId");
    AccessProbe probe = new AccessProbe(port);
    String payouts = "/v1/merchants/" + merchantId + "/payouts";
    String details = "/v1/merchants/" + merchantId + "/bank-details";
    String body =
        "{\"amountMinor\":1,\"currency\":\"EUR\",\"idempotencyKey\":\"k-"
            + UUID.randomUUID()
            + "\"}";
    for (String token :
        java.util.Arrays.asList(AccessProbe.ANONYMOUS, AccessProbe.WRONG_KEY, "garbage")) {
      assertThat(probe.post(payouts, body, token)).as("post " + token).isEqualTo(401);
      assertThat(probe.get(payouts + "/" + payoutId, token)).isEqualTo(401);
      assertThat(probe.get(details, token)).isEqualTo(401);
    }
    for (String token : List.of(Callers.MERCHANT, Callers.AUDITOR, Callers.ADMIN)) {
      assertThat(probe.post(payouts, body, token)).as("post payout").isEqualTo(403);
      assertThat(putBankDetails(token, IBAN).getStatusCode().value())
          .as("put bank details")
          .isEqualTo(403);
    }
    for (String token : List.of(Callers.MERCHANT, Callers.ADMIN)) {
      assertThat(probe.get(payouts + "/" + payoutId, token)).isEqualTo(403);
      assertThat(probe.get(details, token)).isEqualTo(403);
    }
    for (String token : List.of(Callers.OPERATOR, Callers.AUDITOR)) {
      assertThat(probe.get(payouts + "/" + payoutId, token)).isEqualTo(200);
      assertThat(probe.get(details, token)).isEqualTo(200);
      assertThat(probe.get("/v1/merchants/m-other/payouts/" + payoutId, token)).isEqualTo(404);
    }
    assertThat(probe.post(payouts, body, Callers.OPERATOR)).isEqualTo(201);
    assertThat(putBankDetails(Callers.OPERATOR, IBAN).getStatusCode().value()).isEqualTo(202);
  }

  private ResponseEntity<Map<String, Object>> bankDetails(String token) {
    return http(token)
        .get()
        .uri("/v1/merchants/{m}/bank-details", merchantId)
        .exchange(
            (req, res) ->
                ResponseEntity.status(res.getStatusCode())
                    .body(
                        res.bodyTo(
                            new org.springframework.core.ParameterizedTypeReference<
                                Map<String, Object>>() {})));
  }
}
