package com.paystream.recon.instances;

import com.paystream.recon.audit.AuditContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A state-changing request passed on, as it came, to the instance that holds what it changes: the
 * same method and path with {@code scope=local} (so that the holder carries it out itself or
 * refuses, and never passes it on again), the same body, and the caller's own {@code Authorization}
 * so that the holder authenticates, authorizes and audits the same principal. The request id is the
 * one this instance gave the request, so both instances' logs and the holder's audit record name
 * the caller's request.
 *
 * @param body what the holder reads as the request body (written as JSON), or null for none
 * @param headers the caller's headers passed on, by name
 */
public record Forward(
    String method, String pathAndQuery, Object body, Map<String, String> headers) {

  /** The caller's headers that travel; nothing else of the original request does. */
  static final String[] PASSED_ON = {
    PeerRequest.AUTHORIZATION, "Idempotency-Key", "traceparent", "Accept-Language"
  };

  public Forward {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path on the other instance: " + pathAndQuery);
    }
    headers = Map.copyOf(headers);
  }

  /**
   * {@code request} again, restricted to the holder ({@code scope=local}), with {@code body}: the
   * body as this instance read and checked it (the same fields, written again as JSON).
   */
  public static Forward sameAs(HttpServletRequest request, Object body) {
    String local = Scope.PARAMETER + "=" + Scope.LOCAL_VALUE;
    String query = request.getQueryString();
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : PASSED_ON) {
      Optional.ofNullable(request.getHeader(name)).ifPresent(value -> headers.put(name, value));
    }
    AuditContext.current()
        .map(AuditContext::requestId)
        .or(() -> Optional.ofNullable(request.getHeader(PeerRequest.REQUEST_ID)))
        .ifPresent(id -> headers.put(PeerRequest.REQUEST_ID, id));
    return new Forward(
        request.getMethod(),
        request.getRequestURI()
            + "?"
            + (query == null || query.isEmpty() ? local : query + "&" + local),
        body,
        headers);
  }

  @Override
  public String toString() {
    return "Forward[" + method + " " + pathAndQuery + ", credentials redacted]";
  }
}
