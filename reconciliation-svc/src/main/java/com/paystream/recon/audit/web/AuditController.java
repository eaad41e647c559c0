package com.paystream.recon.audit.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.recon.audit.AuditPage;
import com.paystream.recon.audit.AuditQuery;
import com.paystream.recon.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit?from=&to=&actor=&action=&target=&outcome=&limit=&cursor=}: the audit trail
 * for auditors, newest first, {@code from} inclusive and {@code to} exclusive (ISO-8601 instants
 * within the suite's {@link InputPolicy} range). Refusals carry the policy's reasons.
 */
@RestController
public class AuditController {

  private final AuditTrail trail;
  private final InputPolicy policy;

  public AuditController(AuditTrail trail, InputPolicy policy) {
    this.trail = trail;
    this.policy = policy;
  }

  /** One page; {@code nextCursor} is null on the last one. */
  public record Page(List<AuditRecord> items, String nextCursor) {}

  @GetMapping("/v1/audit")
  public Page find(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String cursor) {
    Optional<Instant> start = instant("from", from);
    Optional<Instant> end = instant("to", to);
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new InputRefusedException(
          InputReason.INSTANT_OUT_OF_RANGE, "to", "'to' must be after 'from'");
    }
    AuditQuery query =
        new AuditQuery(
            start,
            end,
            text("actor", actor),
            text("action", action),
            text("target", target),
            outcome(outcome),
            limit(limit),
            cursor(cursor));
    AuditPage page = trail.find(query);
    return new Page(page.items(), page.nextSeq() == null ? null : encode(page.nextSeq()));
  }

  private Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(policy.instant(name, value.strip()));
  }

  private Optional<String> text(String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(policy.text(field, value, Math.min(policy.maxText(), AuditRecord.MAX_TEXT)));
  }

  private static Optional<AuditOutcome> outcome(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AuditOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InputRefusedException(
          InputReason.MALFORMED, "outcome", "unknown outcome " + InputPolicy.echo(value));
    }
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(value.strip());
      if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InputRefusedException(
        InputReason.PAGE_SIZE_OUT_OF_RANGE,
        "limit",
        "limit must be a whole number within 1.." + AuditQuery.MAX_LIMIT);
  }

  private static Optional<Long> cursor(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
      if (decoded.startsWith("a:")) {
        return Optional.of(Long.parseLong(decoded.substring(2)));
      }
    } catch (IllegalArgumentException e) {
      // answered below (NumberFormatException is one)
    }
    throw new InputRefusedException(
        InputReason.MALFORMED_CURSOR, "cursor", "cursor is not one this service gave out");
  }

  private static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("a:" + seq).getBytes(StandardCharsets.US_ASCII));
  }
}
