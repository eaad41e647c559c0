package com.paystream.ledger.sealing.web;

import com.paystream.ledger.sealing.JournalVerifier;
import com.paystream.ledger.sealing.VerificationReport;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
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

  public VerificationController(JournalVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/v1/journal/verification")
  public Map<String, Object> verify(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return VerificationReport.of(verifier.verify(from, to));
  }
}
