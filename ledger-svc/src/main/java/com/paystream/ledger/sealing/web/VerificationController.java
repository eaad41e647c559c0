package com.paystream.ledger.sealing.web;

import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.ledger.sealing.JournalVerifier;
import com.paystream.ledger.sealing.VerificationReport;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/journal/verification?from=&to=}: recomputes the chains and seals (optionally of
 * the business dates from/to) and answers {@code {"valid": true, ...counts}} or {@code {"valid":
 * false, "firstBrokenEntryId": ..., "reason": ...}}. 200 either way: the answer is the finding.
 */
@RestController
public class VerificationController {

  private final JournalVerifier verifier;
  private final LedgerInput input;

  public VerificationController(JournalVerifier verifier, LedgerInput input) {
    this.verifier = verifier;
    this.input = input;
  }

  @GetMapping("/v1/journal/verification")
  public Map<String, Object> verify(
      @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
    LocalDate first = input.date("from", from).orElse(null);
    LocalDate last = input.date("to", to).orElse(null);
    return VerificationReport.of(verifier.verify(first, last));
  }
}
