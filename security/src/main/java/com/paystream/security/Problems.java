package com.paystream.security;

/**
 * The RFC 9457 problem bodies of the security layer's two refusals, with a machine-readable {@code
 * reason} ({@code unauthenticated}, {@code forbidden}) as the services' own problems carry.
 */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";
  public static final String CHALLENGE = "Bearer";

  private Problems() {}

  public static String unauthorized(String path) {
    return body(
        401,
        "Unauthorized",
        "unauthenticated",
        "credentials are required: Authorization: Bearer <API key or access token>",
        path);
  }

  public static String forbidden(String path) {
    return body(403, "Forbidden", "forbidden", "your role may not do this", path);
  }

  private static String body(int status, String title, String reason, String detail, String path) {
    return "{\"type\":\"about:blank\",\"title\":\""
        + title
        + "\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\",\"instance\":\""
        + jsonSafe(path)
        + "\",\"reason\":\""
        + reason
        + "\"}";
  }

  /**
   * A path as a JSON string's content or a log argument: only characters that need no escaping
   * (nothing that could break a line or a quote), capped.
   */
  public static String jsonSafe(String text) {
    String safe = text.replaceAll("[^A-Za-z0-9/_.:~%-]", "_");
    return safe.length() > 512 ? safe.substring(0, 512) : safe;
  }
}
