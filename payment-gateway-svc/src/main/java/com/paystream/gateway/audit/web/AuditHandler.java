package com.paystream.gateway.audit.web;

import com.paystream.gateway.audit.AuditPage;
import com.paystream.gateway.audit.AuditQuery;
import com.paystream.gateway.audit.AuditSearch;
import com.paystream.gateway.support.web.ApiException;
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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /v1/audit}: the audit trail for auditors, newest first, paged by cursor. */
@Component
public class AuditHandler {

  private static final int MAX_FILTER = 256;

  private final AuditSearch search;

  public AuditHandler(AuditSearch search) {
    this.search = search;
  }

  public Mono<ServerResponse> find(ServerRequest request) {
    return Mono.fromSupplier(() -> query(request))
        .flatMap(search::find)
        .flatMap(
            page ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json(page)));
  }

  static AuditQuery query(ServerRequest request) {
    Optional<Instant> from = request.queryParam("from").map(value -> instant("from", value));
    Optional<Instant> to = request.queryParam("to").map(value -> instant("to", value));
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw ApiException.badRequest("from must be before to");
    }
    Optional<AuditOutcome> outcome =
        request
            .queryParam("outcome")
            .map(
                value -> {
                  try {
                    return AuditOutcome.valueOf(value);
                  } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest(
                        "outcome must be one of " + List.of(AuditOutcome.values()));
                  }
                });
    int limit =
        request.queryParam("limit").map(AuditHandler::limit).orElse(AuditQuery.DEFAULT_LIMIT);
    return new AuditQuery(
        from,
        to,
        filter(request, "actor"),
        filter(request, "action"),
        filter(request, "target"),
        outcome,
        limit,
        request.queryParam("cursor").map(AuditHandler::cursor));
  }

  private static Optional<String> filter(ServerRequest request, String name) {
    Optional<String> value = request.queryParam(name).filter(text -> !text.isEmpty());
    if (value.isPresent() && value.get().length() > MAX_FILTER) {
      throw ApiException.badRequest(name + " is longer than " + MAX_FILTER + " characters");
    }
    return value;
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= AuditQuery.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("limit must be an integer 1.." + AuditQuery.MAX_LIMIT);
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
    }
  }

  static String cursor(AuditQuery.Position position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (position.occurredAt() + "|" + position.seq()).getBytes(StandardCharsets.UTF_8));
  }

  private static AuditQuery.Position cursor(String value) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
      if (parts.length == 2) {
        return new AuditQuery.Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // answered below
    }
    throw ApiException.badRequest("cursor is not one this service gave out");
  }

  private static Map<String, Object> json(AuditPage page) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", page.items().stream().map(AuditHandler::json).toList());
    json.put("nextCursor", page.next().map(AuditHandler::cursor).orElse(null));
    return json;
  }

  private static Map<String, Object> json(AuditRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("auditId", record.auditId().toString());
    json.put("service", record.service());
    json.put("occurredAt", record.occurredAt().toString());
    json.put("actor", record.actor());
    json.put("role", record.role());
    json.put("credential", record.credential());
    json.put("action", record.action());
    json.put("target", record.target());
    json.put("outcome", record.outcome().name());
    json.put("reason", record.reason());
    json.put("requestId", record.requestId());
    json.put("traceId", record.traceId());
    return json;
  }
}
