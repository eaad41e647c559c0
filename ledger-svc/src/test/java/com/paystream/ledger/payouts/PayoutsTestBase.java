package com.paystream.ledger.payouts;

import static com.paystream.ledger.support.Callbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.accounts.persistence.AccountView;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.security.testing.Callers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.ResponseEntity;

/**
 * A merchant with 9,850 EUR cents available, approved payout bank details, and bank cash opened as
 * issue 19's chart of accounts opens it (it may go negative: the books follow the bank statement).
 */
abstract class PayoutsTestBase extends LedgerServiceTest {

  static final String IBAN = "DE89370400440532013000";
  static final String MASKED = "DE89 **** 3000";

  String merchantId;
  String merchant;

  @BeforeEach
  void aMerchantWithMoneyAndApprovedBankDetails() {
    superuser()
        .update(
            "insert into account (id, code, name, type, currency, overdraft_allowed)"
                + " values (?::uuid, 'bank-cash:EUR', 'Bank cash', 'ASSET', 'EUR', true)"
                + " on conflict do nothing",
            AccountSpec.idOf("bank-cash:EUR").value());
    merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
    merchant = "merchant:" + merchantId + ":EUR";
    PaymentCallback payment =
        PaymentCallback.newBuilder(succeeded("pay-" + UUID.randomUUID(), 10_000))
            .setMerchantId(merchantId)
            .build();
    send(payment);
    awaitProcessed(payment);
  }

  /** Puts bank details as the operator and approves them as the second operator. */
  void approvedBankDetails() {
    ResponseEntity<Map<String, Object>> requested = putBankDetails(Callers.OPERATOR, IBAN);
    assertThat(requested.getStatusCode().value()).isEqualTo(202);
    ResponseEntity<Map<String, Object>> approved =
        postAs(
            Callers.OPERATOR2,
            "/v1/approvals/" + requested.getBody().get("approvalId") + "/approve",
            null);
    assertThat(approved.getStatusCode().value()).isEqualTo(200);
  }

  ResponseEntity<Map<String, Object>> putBankDetails(String token, String iban) {
    return http(token)
        .put()
        .uri("/v1/merchants/{m}/bank-details", merchantId)
        .body(Map.of("iban", iban, "holderName", "Books & Co"))
        .exchange(
            (req, res) ->
                ResponseEntity.status(res.getStatusCode())
                    .body(
                        res.bodyTo(
                            new org.springframework.core.ParameterizedTypeReference<
                                Map<String, Object>>() {})));
  }

  ResponseEntity<Map<String, Object>> requestPayout(String token, long amountMinor, String key) {
    return postAs(
        token,
        "/v1/merchants/" + merchantId + "/payouts",
        Map.of("amountMinor", amountMinor, "currency", "EUR", "idempotencyKey", key));
  }

  Map<String, Object> payout(String payoutId) {
    return http()
        .get()
        .uri("/v1/merchants/{m}/payouts/{p}", merchantId, payoutId)
        .retrieve()
        .body(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
  }

  AccountView account() {
    return http()
        .get()
        .uri("/v1/accounts/{id}", AccountSpec.idOf(merchant))
        .retrieve()
        .body(AccountView.class);
  }
}
