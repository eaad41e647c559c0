package com.paystream.ledger.audit.web;

import com.paystream.ledger.audit.AuditPage;
import com.paystream.ledger.audit.AuditQuery;
import com.paystream.ledger.audit.AuditTrail;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

  private final AuditTrail trail;

  public AuditController(AuditTrail trail) {
    this.trail = trail;
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
    AuditQuery query;
    try {
      query =
          new AuditQuery(
              from.map(AuditController::instant),
              to.map(AuditController::instant),
              actor,
              action,
              target,
              outcome.map(AuditController::outcome),
              limit.map(AuditController::limit).orElse(AuditQuery.DEFAULT_LIMIT),
              cursor.map(AuditController::position));
    } catch (IllegalArgumentException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
      problem.setProperty("code", "INVALID_QUERY");
      return ResponseEntity.badRequest().body(problem);
    }
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

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: " + text);
    }
  }

  private static AuditOutcome outcome(String text) {
    try {
      return AuditOutcome.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "outcome must be one of " + List.of(AuditOutcome.values()) + ": " + text);
    }
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("limit must be 1.." + AuditQuery.MAX_LIMIT + ": " + text);
  }

  /** The cursor is opaque to clients: base64url of "occurredAt|auditId". */
  private static String cursor(AuditQuery.Position position) {
    String raw = position.occurredAt() + "|" + position.auditId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static AuditQuery.Position position(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new AuditQuery.Position(
          Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a cursor of this API: " + cursor);
    }
  }
}
