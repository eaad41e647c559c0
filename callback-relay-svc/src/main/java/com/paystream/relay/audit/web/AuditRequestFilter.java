package com.paystream.relay.audit.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.relay.audit.AuditContext;
import com.paystream.relay.audit.AuditTrail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Runs before the security layer: gives each request its id ({@code X-Request-Id} when the caller
 * sent a usable one, else a new UUID, echoed on the response) and trace id (from a W3C {@code
 * traceparent}), and after the request records a state-changing call refused with a 4xx that nobody
 * recorded on the way (a bad body, an unknown break, a conflict).
 */
public final class AuditRequestFilter extends OncePerRequestFilter {

  public static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");
  private static final Logger log = LoggerFactory.getLogger(AuditRequestFilter.class);

  private final AuditTrail trail;

  public AuditRequestFilter(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AuditContext context =
        new AuditContext(
            requestId(request.getHeader(REQUEST_ID)),
            traceId(request.getHeader("traceparent")),
            request.getMethod(),
            request.getRequestURI());
    response.setHeader(REQUEST_ID, context.requestId());
    AuditContext.open(context);
    try {
      chain.doFilter(request, response);
      int status = response.getStatus();
      if (context.changesState() && status >= 400 && status < 500 && !context.recorded()) {
        recordRefusal(context, status);
      }
    } finally {
      AuditContext.close();
    }
  }

  private void recordRefusal(AuditContext context, int status) {
    try {
      trail.recordAlone(
          AuditOutcome.REFUSED,
          "http " + context.method() + " " + context.path(),
          context.path(),
          status + " " + reason(context));
    } catch (RuntimeException e) {
      // The caller got its answer; a lost audit record must at least be seen.
      log.error("audit of a refused {} failed: {}", context.method(), e.toString());
    }
  }

  private static String reason(AuditContext context) {
    return context
        .failure()
        .map(
            e ->
                e instanceof ResponseStatusException status && status.getReason() != null
                    ? status.getReason()
                    : String.valueOf(e.getMessage()))
        .orElse("refused");
  }

  static String requestId(String header) {
    if (header != null && USABLE_ID.matcher(header.strip()).matches()) {
      return header.strip();
    }
    return UUID.randomUUID().toString();
  }

  static String traceId(String traceparent) {
    if (traceparent == null) {
      return "";
    }
    var matcher = TRACEPARENT.matcher(traceparent.strip());
    if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')) {
      return "";
    }
    return matcher.group(1);
  }
}
