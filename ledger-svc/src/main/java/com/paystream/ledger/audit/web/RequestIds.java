package com.paystream.ledger.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id and trace id before the security layer sees it, so that a refusal is
 * audited with them too: the {@code X-Request-Id} header when it is sane (1..128 visible ASCII
 * characters), else a new UUID, echoed back on the response; the trace id of a W3C {@code
 * traceparent} header, else empty.
 */
public final class RequestIds extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern SANE = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

  /** The ids of one request. */
  public record Ids(String requestId, String traceId) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Ids ids = of(request);
    request.setAttribute(ATTRIBUTE, ids);
    response.setHeader(HEADER, ids.requestId());
    chain.doFilter(request, response);
  }

  /** The ids this filter gave the request (new ones if it did not run). */
  public static Ids of(HttpServletRequest request) {
    if (request.getAttribute(ATTRIBUTE) instanceof Ids ids) {
      return ids;
    }
    String given = request.getHeader(HEADER);
    String requestId =
        given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    String traceparent = request.getHeader("traceparent");
    String traceId = "";
    if (traceparent != null) {
      var matcher = TRACEPARENT.matcher(traceparent.trim());
      if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
        traceId = matcher.group(1);
      }
    }
    return new Ids(requestId, traceId);
  }

  /** The current servlet request, if this thread serves one. */
  static Optional<HttpServletRequest> currentRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet
        ? Optional.of(servlet.getRequest())
        : Optional.empty();
  }
}
