package com.paystream.ledger.payouts.web;

import com.paystream.ledger.approvals.web.ApprovalsController;
import com.paystream.ledger.audit.web.Acts;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.input.web.LedgerProblems;
import com.paystream.ledger.payouts.BankDetailsService;
import com.paystream.ledger.payouts.Iban;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's payout bank details. {@code PUT /v1/merchants/{merchantId}/bank-details} with {@code
 * {"iban", "holderName"}} records a pending version and answers 202 with its approval request
 * (another operator approves it through {@code /v1/approvals/{id}/approve}); {@code GET} answers
 * the approved version and the pending ones (404 when there is none). The IBAN is masked in every
 * answer and refusal: a bad one is refused with 400 INVALID_IBAN, never echoed.
 */
@RestController
public class BankDetailsController {

  /** The body as sent; the actor fields only to be refused. */
  record BankDetailsBody(String iban, String holderName, String requestedBy, String approvedBy) {}

  private final BankDetailsService details;
  private final LedgerInput input;

  public BankDetailsController(BankDetailsService details, LedgerInput input) {
    this.details = details;
    this.input = input;
  }

  @PutMapping("/v1/merchants/{merchantId}/bank-details")
  public ResponseEntity<?> change(
      @PathVariable("merchantId") String merchantIdText,
      @RequestBody BankDetailsBody body,
      HttpServletRequest http) {
    String merchantId = input.identifier("merchantId", merchantIdText);
    if (body.requestedBy() != null || body.approvedBy() != null) {
      return LedgerProblems.problem(
          HttpStatus.BAD_REQUEST,
          "ACTOR_IN_BODY",
          "who acts is taken from your credentials; remove it from the request body");
    }
    Optional<Iban> iban = Iban.parse(body.iban());
    if (iban.isEmpty()) {
      ResponseEntity<ProblemDetail> refused =
          LedgerProblems.problem(
              HttpStatus.BAD_REQUEST,
              "INVALID_IBAN",
              "iban must be an IBAN (ISO 13616: country, check digits, account; spaces allowed)");
      refused.getBody().setProperty("field", "iban");
      return refused;
    }
    String holder = input.text("holderName", body.holderName());
    if (holder == null || holder.isBlank()) {
      ResponseEntity<ProblemDetail> refused =
          LedgerProblems.problem(
              HttpStatus.BAD_REQUEST, "MISSING_HOLDER_NAME", "holderName is required");
      refused.getBody().setProperty("field", "holderName");
      return refused;
    }
    BankDetailsService.Requested requested =
        details.requestChange(Acts.current(http), merchantId, iban.get(), holder);
    ResponseEntity<Map<String, Object>> accepted =
        ApprovalsController.accepted(requested.approval());
    accepted.getBody().put("bankDetails", requested.details());
    return accepted;
  }

  @GetMapping("/v1/merchants/{merchantId}/bank-details")
  public ResponseEntity<?> current(@PathVariable("merchantId") String merchantIdText) {
    String merchantId = input.identifier("merchantId", merchantIdText);
    BankDetailsService.Current current = details.current(merchantId);
    if (current.approved().isEmpty() && current.pending().isEmpty()) {
      return LedgerProblems.problem(
          HttpStatus.NOT_FOUND,
          "UNKNOWN_BANK_DETAILS",
          "merchant " + merchantId + " has no payout bank details");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("merchantId", merchantId);
    body.put("approved", current.approved().orElse(null));
    body.put("pending", current.pending());
    return ResponseEntity.ok(body);
  }
}
