package com.paystream.recon.instances;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * What the other instances are asked: a GET of {@code pathAndQuery} (which carries {@code
 * scope=local}), with the caller's own {@code Authorization} so that each instance authenticates
 * and authorizes the same principal as the one asked, and its request id for the logs.
 */
public record PeerRequest(
    String pathAndQuery, Optional<String> authorization, Optional<String> requestId) {

  static final String AUTHORIZATION = "Authorization";
  static final String REQUEST_ID = "X-Request-Id";

  public PeerRequest {
    Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("a path on the other instance: " + pathAndQuery);
    }
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(requestId, "requestId");
  }

  /** The same GET as {@code request}, restricted to each instance's own partitions. */
  public static PeerRequest sameAs(HttpServletRequest request) {
    return of(request, request.getRequestURI(), request.getQueryString());
  }

  /**
   * A GET of {@code path} (already URL-safe) on behalf of the caller of {@code request}, such as
   * the read behind a {@code POST} that publishes what it read.
   */
  public static PeerRequest of(HttpServletRequest request, String path, String query) {
    String local = Scope.PARAMETER + "=" + Scope.LOCAL_VALUE;
    String pathAndQuery =
        path + "?" + (query == null || query.isEmpty() ? local : query + "&" + local);
    return new PeerRequest(
        pathAndQuery,
        Optional.ofNullable(request.getHeader(AUTHORIZATION)),
        Optional.ofNullable(request.getHeader(REQUEST_ID)));
  }

  /** A request of the service's own (a schedule), with the credential it was given if any. */
  public static PeerRequest own(String path, Optional<String> authorization) {
    return new PeerRequest(
        path + "?" + Scope.PARAMETER + "=" + Scope.LOCAL_VALUE, authorization, Optional.empty());
  }

  @Override
  public String toString() {
    return "PeerRequest[" + pathAndQuery + ", credentials redacted]";
  }
}
