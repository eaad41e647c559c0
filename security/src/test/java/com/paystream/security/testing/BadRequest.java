package com.paystream.security.testing;

import java.util.List;
import java.util.Map;

/**
 * The request-level classes of bad input, sent over a raw socket to one endpoint: what the HTTP
 * server or the framework refuses before the service's own binding (an encoded slash, a 10,000
 * character URL, a 20,000 character header, malformed JSON, a wrong content type, TRACE).
 */
public enum BadRequest {
  ENCODED_SLASH("%2F"),
  LONG_URL("a".repeat(10_000)),
  HUGE_HEADER("h".repeat(20_000)),
  MALFORMED_JSON("{\"reason\": \"unterminated"),
  DUPLICATE_KEYS("{\"reason\": \"one\", \"reason\": \"two\"}"),
  WRONG_CONTENT_TYPE("reason=text"),
  TRACE_METHOD(null);

  private final String value;

  BadRequest(String value) {
    this.value = value;
  }

  /** The offending value as sent (null for TRACE: the method is the offence). */
  public String value() {
    return value;
  }

  /** Whether this class only makes sense for an endpoint that reads a body. */
  public boolean needsBody() {
    return this == MALFORMED_JSON || this == DUPLICATE_KEYS || this == WRONG_CONTENT_TYPE;
  }

  /** The classes that apply to an endpoint taking {@code method}. */
  public static List<BadRequest> forMethod(String method) {
    boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return java.util.Arrays.stream(values()).filter(bad -> body || !bad.needsBody()).toList();
  }

  /**
   * Sends this bad request to {@code method path} ({@code path} as the endpoint takes it, with
   * {@code validBody} the body it would accept) as the caller with {@code token}.
   */
  public RawHttp.Response send(
      RawHttp http, String method, String path, String validBody, String token) {
    return switch (this) {
      case ENCODED_SLASH -> http.send(method, encodedSlashIn(path), token, Map.of(), validBody);
      case LONG_URL ->
          http.send(
              method,
              path + (path.contains("?") ? "&" : "?") + "q=" + value,
              token,
              Map.of(),
              validBody);
      case HUGE_HEADER -> http.send(method, path, token, Map.of("X-Padding", value), validBody);
      case MALFORMED_JSON, DUPLICATE_KEYS -> http.send(method, path, token, Map.of(), value);
      case WRONG_CONTENT_TYPE ->
          http.send(
              method,
              path,
              token,
              Map.of("Content-Type", "application/x-www-form-urlencoded"),
              value);
      case TRACE_METHOD -> http.send("TRACE", path, token, Map.of(), null);
    };
  }

  /** The path with {@code %2Fx} at the end of its last segment, before any query. */
  private String encodedSlashIn(String path) {
    int query = path.indexOf('?');
    return query < 0
        ? path + value + "x"
        : path.substring(0, query) + value + "x" + path.substring(query);
  }
}
