package com.paystream.ledger.audit.web;

import com.paystream.ledger.audit.AuditPage;
import com.paystream.ledger.audit.AuditQuery;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.ledger.input.web.LedgerInput;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.platform.input.InputPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit} for auditors: the ledger's audit records newest first, filtered by time
 * ({@code from} inclusive, {@code to} exclusive, ISO-8601 instants), actor, action, target and
 * outcome, {@code limit} 1..500 (default 100) per page; {@code nextCursor} continues. Bad
 * parameters answer 400 problem+json.
 */
@RestController
public class AuditController {

  private static final List<String> OUTCOMES =
      java.util.Arrays.stream(AuditOutcome.values()).map(Enum::name).toList();

  private final AuditTrail trail;
  private final LedgerInput input;

  public AuditController(AuditTrail trail, LedgerInput input) {
    this.trail = trail;
    this.input = input;
  }

  @GetMapping("/v1/audit")
  public ResponseEntity<?> records(
      @RequestParam Optional<String> from,
      @RequestParam Optional<String> to,
      @RequestParam Optional<String> actor,
      @RequestParam Optional<String> action,
      @RequestParam Optional<String> target,
      @RequestParam Optional<String> outcome,
      @RequestParam Optional<String> limit,
      @RequestParam Optional<String> cursor) {
    AuditQuery query =
        new AuditQuery(
            input.instant("from", from),
            input.instant("to", to),
            // Actors and targets are what the trail recorded (a principal label, a hold id, a
            // date):
            // capped like text rather than shaped.
            input.text("actor", actor),
            input.identifier("action", action),
            input.text("target", target),
            outcome.map(o -> AuditOutcome.valueOf(input.oneOf("outcome", o, OUTCOMES))),
            input.pageSize("limit", limit, AuditQuery.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT),
            cursor.map(this::position));
    AuditPage page = trail.query(query);
    Map<String, Object> body = new LinkedHashMap<>();
    List<Map<String, Object>> items = page.items().stream().map(AuditController::item).toList();
    body.put("items", items);
    body.put("nextCursor", page.next().map(AuditController::cursor).orElse(null));
    return ResponseEntity.ok(body);
  }

  private static Map<String, Object> item(AuditRecord r) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("auditId", r.auditId());
    item.put("service", r.service());
    item.put("occurredAt", r.occurredAt());
    item.put("actor", r.actor());
    item.put("role", r.role());
    item.put("credential", r.credential());
    item.put("action", r.action());
    item.put("target", r.target());
    item.put("outcome", r.outcome());
    item.put("reason", r.reason());
    item.put("requestId", r.requestId());
    item.put("traceId", r.traceId());
    return item;
  }

  /** The cursor is opaque to clients: base64url of "occurredAt|auditId". */
  private static String cursor(AuditQuery.Position position) {
    String raw = position.occurredAt() + "|" + position.auditId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private AuditQuery.Position position(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new AuditQuery.Position(
          Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw InputPolicy.malformedCursor("cursor");
    }
  }
}
