package com.paystream.relay.audit.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.relay.audit.AuditPage;
import com.paystream.relay.audit.AuditQuery;
import com.paystream.relay.audit.AuditTrail;
import com.paystream.relay.input.RequestInput;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit?from=&to=&actor=&action=&target=&outcome=&limit=&cursor=}: the audit trail
 * for auditors, newest first, {@code from} inclusive and {@code to} exclusive (ISO-8601 instants).
 */
@RestController
public class AuditController {

  private final AuditTrail trail;
  private final RequestInput input;

  public AuditController(AuditTrail trail, RequestInput input) {
    this.trail = trail;
    this.input = input;
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
    Optional<Instant> start = Optional.ofNullable(input.instant("from", from));
    Optional<Instant> end = Optional.ofNullable(input.instant("to", to));
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw new InputRefusedException(
          InputReason.INSTANT_OUT_OF_RANGE, "to", "'to' must be after 'from'");
    }
    AuditQuery query =
        new AuditQuery(
            start,
            end,
            Optional.ofNullable(input.text("actor", actor)),
            Optional.ofNullable(input.text("action", action)),
            Optional.ofNullable(input.text("target", target)),
            outcome(outcome),
            input.pageSize("limit", limit, 100, AuditQuery.MAX_LIMIT),
            cursor(input.cursor("cursor", cursor)));
    AuditPage page = trail.find(query);
    return new Page(page.items(), page.nextSeq() == null ? null : encode(page.nextSeq()));
  }

  private Optional<AuditOutcome> outcome(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    List<String> outcomes = Arrays.stream(AuditOutcome.values()).map(Enum::name).toList();
    return Optional.of(AuditOutcome.valueOf(input.oneOf("outcome", value, outcomes)));
  }

  private static Optional<Long> cursor(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
      if (decoded.startsWith("a:")) {
        long seq = Long.parseLong(decoded.substring(2));
        if (seq >= 0) {
          return Optional.of(seq);
        }
      }
    } catch (IllegalArgumentException e) {
      // answered below (NumberFormatException is one)
    }
    throw InputPolicy.malformedCursor("cursor");
  }

  private static String encode(long seq) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("a:" + seq).getBytes(StandardCharsets.US_ASCII));
  }
}
