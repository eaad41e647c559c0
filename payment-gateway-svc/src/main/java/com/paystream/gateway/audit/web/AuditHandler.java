package com.paystream.gateway.audit.web;

import com.paystream.gateway.audit.AuditPage;
import com.paystream.gateway.audit.AuditQuery;
import com.paystream.gateway.audit.AuditSearch;
import com.paystream.gateway.support.web.ApiException;
import com.paystream.gateway.support.web.GatewayInput;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.audit.AuditRecord;
import com.paystream.platform.input.InputPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
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
  private final GatewayInput input;

  public AuditHandler(AuditSearch search, GatewayInput input) {
    this.search = search;
    this.input = input;
  }

  public Mono<ServerResponse> find(ServerRequest request) {
    return Mono.fromSupplier(() -> query(request))
        .flatMap(search::find)
        .flatMap(
            page ->
                ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json(page)));
  }

  AuditQuery query(ServerRequest request) {
    Optional<Instant> from = input.instant(request, "from");
    Optional<Instant> to = input.instant(request, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw ApiException.badRequest("from must be before to");
    }
    return new AuditQuery(
        from,
        to,
        input.filter(request, "actor", MAX_FILTER),
        input.filter(request, "action", MAX_FILTER),
        input.filter(request, "target", MAX_FILTER),
        input.choice(request, "outcome", AuditOutcome.class),
        input.pageSize(request, "limit", AuditQuery.DEFAULT_LIMIT, AuditQuery.MAX_LIMIT),
        input.cursor(request, "cursor").map(AuditHandler::position));
  }

  private String cursor(AuditQuery.Position position) {
    return input.signCursor(position.occurredAt() + "|" + position.seq());
  }

  /** A position this gateway signed; one that does not parse is still refused, never a 5xx. */
  private static AuditQuery.Position position(String value) {
    String[] parts = value.split("\\|");
    try {
      if (parts.length == 2) {
        return new AuditQuery.Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // refused below
    }
    throw InputPolicy.malformedCursor("cursor");
  }

  private Map<String, Object> json(AuditPage page) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("items", page.items().stream().map(AuditHandler::json).toList());
    json.put("nextCursor", page.next().map(this::cursor).orElse(null));
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
