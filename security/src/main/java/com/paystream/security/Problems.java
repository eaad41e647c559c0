package com.paystream.security;

import com.paystream.platform.input.InputPolicy;

/**
 * The RFC 9457 problem bodies of the security layer's two refusals, with a machine-readable {@code
 * reason} ({@code unauthenticated}, {@code forbidden}) as the services' own problems carry.
 */
public final class Problems {

  private static final int MAX_INSTANCE = 128;

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

  /**
   * A problem body for any refusal of the edge: {@code detail} is JSON-escaped and capped, {@code
   * path} made {@link #jsonSafe(String)}; {@code field} is left out when null.
   */
  public static String problem(
      int status, String title, String reason, String field, String detail, String path) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":\"about:blank\",\"title\":\"")
        .append(escape(title))
        .append("\",\"status\":")
        .append(status)
        .append(",\"detail\":\"")
        .append(escape(detail.length() > 512 ? detail.substring(0, 512) : detail))
        .append("\",\"instance\":\"")
        .append(instance(path))
        .append("\",\"reason\":\"")
        .append(escape(reason))
        .append('"');
    if (field != null) {
      json.append(",\"field\":\"").append(escape(field)).append('"');
    }
    return json.append('}').toString();
  }

  /**
   * A request path as a problem's {@code instance}: whole when it is an address of usual length,
   * otherwise (an oversized URL is itself the offending value) its first {@value
   * com.paystream.platform.input.InputPolicy#ECHO_LIMIT} characters.
   */
  public static String instance(String path) {
    if (path == null) {
      return "";
    }
    if (path.length() <= MAX_INSTANCE) {
      return jsonSafe(path);
    }
    return jsonSafe(path.substring(0, InputPolicy.ECHO_LIMIT)) + "...";
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        escaped.append('\\').append(c);
      } else if (c < 0x20) {
        escaped.append(' ');
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
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
