package com.paystream.gateway.audit.web;

import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.audit.RequestContext;
import com.paystream.gateway.support.TraceParent;
import com.paystream.gateway.support.web.ApiErrors;
import com.paystream.platform.audit.AuditOutcome;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every API request its request id (the {@code X-Request-Id} header when it is a sane one,
 * else a new UUID, echoed on the response) and trace id, for the audit records it causes; and
 * records a state-changing request answered 4xx that no use case recorded (validation or state
 * refusals) as REFUSED, in a transaction of its own, before the answer leaves.
 *
 * <p>Runs before Spring Security's filter chain ({@code -100}), so security's refusals see the
 * context too. Webhooks and the actuator pass untouched: provider deliveries are not audited here
 * (the callback inbox is their append-only record), and the intake's hot path pays nothing.
 */
@Component
@Order(-200)
public class RequestAuditFilter implements WebFilter {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Set<HttpMethod> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final AuditTrail trail;

  public RequestAuditFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (path.startsWith("/v1/webhooks/") || path.startsWith("/actuator")) {
      return chain.filter(exchange);
    }
    RequestContext context =
        new RequestContext(
            requestId(exchange.getRequest().getHeaders().getFirst(REQUEST_ID_HEADER)),
            TraceParent.traceId(exchange),
            TraceParent.of(exchange).map(t -> t.spanId()).orElse(""));
    exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, context.requestId());
    if (isStateChanging(exchange.getRequest().getMethod())) {
      exchange
          .getResponse()
          .beforeCommit(
              () ->
                  refusedUnlessRecorded(exchange, context)
                      .contextWrite(c -> c.put(RequestContext.KEY, context)));
    }
    return chain.filter(exchange).contextWrite(c -> c.put(RequestContext.KEY, context));
  }

  public static boolean isStateChanging(HttpMethod method) {
    return !READS.contains(method);
  }

  static String requestId(String header) {
    return header != null && SANE_REQUEST_ID.matcher(header).matches()
        ? header
        : UUID.randomUUID().toString();
  }

  private Mono<Void> refusedUnlessRecorded(ServerWebExchange exchange, RequestContext context) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (context.audited() || status == null || !status.is4xxClientError()) {
      return Mono.empty();
    }
    String reason =
        Optional.ofNullable(exchange.<String>getAttribute(ApiErrors.REFUSAL_REASON))
            .map(why -> status.value() + " " + why)
            .orElse(String.valueOf(status.value()));
    return trail.alone(
        action(exchange), target(exchange), AuditOutcome.REFUSED, reason, Optional.empty());
  }

  /** The action of a refused request: its method and path ({@code http POST /v1/payments}). */
  static String action(ServerWebExchange exchange) {
    return "http " + exchange.getRequest().getMethod().name() + " " + route(exchange);
  }

  /** The request path, the target of a request refused before any use case named one. */
  static String target(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value();
  }

  private static String route(ServerWebExchange exchange) {
    return exchange.getRequest().getPath().value();
  }
}
