package com.paystream.ledger.payouts.web;

import com.paystream.ledger.approvals.web.ApprovalsController;
import com.paystream.ledger.audit.web.Acts;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerProblems;
import com.paystream.ledger.payouts.PayoutId;
import com.paystream.ledger.payouts.PayoutResult;
import com.paystream.ledger.payouts.PayoutService;
import com.paystream.ledger.payouts.RequestPayout;
import com.paystream.platform.money.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchant payouts over HTTP, for operators (auditors read). {@code POST
 * /v1/merchants/{merchantId}/payouts} with {@code {"amountMinor", "currency", "idempotencyKey"}}:
 * 201 with the payout (HELD) and its location; 202 with the approval request when it needs a second
 * operator ({@code payout} in the body, AWAITING_APPROVAL); 200 with the payout on a replay of the
 * idempotency key. Refusals as problem+json with a {@code code}: 404 UNKNOWN_ACCOUNT, 409
 * IDEMPOTENCY_KEY_REUSED or NO_APPROVED_BANK_DETAILS, 422 PAYOUT_LIMIT_EXCEEDED,
 * DAILY_PAYOUT_LIMIT_EXCEEDED or INSUFFICIENT_FUNDS.
 */
@RestController
public class PayoutsController {

  /** The body as sent; {@code requestedBy} only to be refused. */
  record PayoutBody(
      BigDecimal amountMinor, String currency, String idempotencyKey, String requestedBy) {}

  private final PayoutService payouts;
  private final LedgerInput input;

  public PayoutsController(PayoutService payouts, LedgerInput input) {
    this.payouts = payouts;
    this.input = input;
  }

  @PostMapping("/v1/merchants/{merchantId}/payouts")
  public ResponseEntity<?> request(
      @PathVariable("merchantId") String merchantIdText,
      @RequestBody PayoutBody body,
      HttpServletRequest http) {
    String merchantId = input.identifier("merchantId", merchantIdText);
    if (body.requestedBy() != null) {
      return LedgerProblems.problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "requestedBy is taken from your credentials; remove it from the request body");
    }
    Money amount = input.amount("amountMinor", body.amountMinor(), body.currency());
    String key = input.identifier("idempotencyKey", body.idempotencyKey());
    PayoutResult result =
        payouts.request(
            Acts.current(http),
            new RequestPayout(
                merchantId, amount.minor(), amount.currency().getCurrencyCode(), key));
    if (result instanceof PayoutResult.Held held) {
      return ResponseEntity.created(
              URI.create("/v1/merchants/" + merchantId + "/payouts/" + held.payout().payoutId()))
          .body(held.payout());
    }
    if (result instanceof PayoutResult.AwaitingApproval waiting) {
      ResponseEntity<Map<String, Object>> accepted =
          ApprovalsController.accepted(waiting.approval());
      accepted.getBody().put("payout", waiting.payout());
      return accepted;
    }
    if (result instanceof PayoutResult.Replayed replayed) {
      return ResponseEntity.ok(replayed.payout());
    }
    PayoutResult.Refused refused = (PayoutResult.Refused) result;
    HttpStatus status =
        switch (refused.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    return LedgerProblems.problem(status, refused.code(), refused.reason());
  }

  @GetMapping("/v1/merchants/{merchantId}/payouts/{payoutId}")
  public ResponseEntity<?> payout(
      @PathVariable("merchantId") String merchantIdText,
      @PathVariable("payoutId") String payoutIdText) {
    String merchantId = input.identifier("merchantId", merchantIdText);
    String payoutId = input.identifier("payoutId", payoutIdText);
    return (PayoutId.isPayoutId(payoutId)
            ? payouts.find(merchantId, payoutId)
            : java.util.Optional.<com.paystream.ledger.payouts.PayoutView>empty())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                LedgerProblems.problem(
                    HttpStatus.NOT_FOUND,
                    "UNKNOWN_PAYOUT",
                    "no payout " + payoutId + " of merchant " + merchantId));
  }
}
