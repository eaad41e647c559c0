package com.paystream.gateway.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the trace id out of a W3C {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2
 * hex>}). Anything else yields the empty trace id: a bad trace header is not a reason to refuse a
 * payment or a callback.
 */
public final class TraceParent {

  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
  private static final String INVALID_TRACE_ID = "0".repeat(32);

  private TraceParent() {}

  public static String traceId(String header) {
    if (header == null || header.length() > 512) {
      return "";
    }
    var matcher = TRACEPARENT.matcher(header.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches() || header.startsWith("ff")) {
      return "";
    }
    String traceId = matcher.group(1);
    return INVALID_TRACE_ID.equals(traceId) ? "" : traceId;
  }
}
