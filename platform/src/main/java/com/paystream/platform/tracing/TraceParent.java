package com.paystream.platform.tracing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}, version 00): the trace id (32 lowercase hex), the id of
 * the span that is the parent of whatever continues it (16 lowercase hex), and whether it was
 * sampled. Neither id may be all zeros. A header that does not parse yields nothing: a bad trace
 * header is never a reason to refuse a payment, a callback or a record.
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

  /** The W3C header name, in HTTP and in Kafka record headers. */
  public static final String HEADER = "traceparent";

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern HEADER_VALUE =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final int MAX_HEADER_LENGTH = 512;

  public TraceParent {
    if (!validTraceId(traceId)) {
      throw new IllegalArgumentException("not a W3C trace id: " + traceId);
    }
    if (!validSpanId(spanId)) {
      throw new IllegalArgumentException("not a W3C span id: " + spanId);
    }
  }

  /** The context of a stored trace and span id, or nothing when either is empty or malformed. */
  public static Optional<TraceParent> of(String traceId, String spanId) {
    return validTraceId(traceId) && validSpanId(spanId)
        ? Optional.of(new TraceParent(traceId, spanId, true))
        : Optional.empty();
  }

  /**
   * Parses a {@code traceparent} header. Version ff is invalid; a future version is read by its
   * first four fields, as the W3C recommendation asks.
   */
  public static Optional<TraceParent> parse(String header) {
    if (header == null || header.length() > MAX_HEADER_LENGTH) {
      return Optional.empty();
    }
    var matcher = HEADER_VALUE.matcher(header.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()
        || "ff".equals(matcher.group(1))
        || ("00".equals(matcher.group(1)) && matcher.group(5) != null)) {
      return Optional.empty();
    }
    String traceId = matcher.group(2);
    String spanId = matcher.group(3);
    if (!validTraceId(traceId) || !validSpanId(spanId)) {
      return Optional.empty();
    }
    boolean sampled = (Integer.parseInt(matcher.group(4), 16) & 1) == 1;
    return Optional.of(new TraceParent(traceId, spanId, sampled));
  }

  /** The trace id of a {@code traceparent} header, or empty when it does not parse. */
  public static String traceIdOf(String header) {
    return parse(header).map(TraceParent::traceId).orElse("");
  }

  public static boolean validTraceId(String traceId) {
    return traceId != null && TRACE_ID.matcher(traceId).matches() && !allZeros(traceId);
  }

  public static boolean validSpanId(String spanId) {
    return spanId != null && SPAN_ID.matcher(spanId).matches() && !allZeros(spanId);
  }

  /** The header value: {@code 00-<trace id>-<span id>-<01 sampled | 00>}. */
  public String header() {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  @Override
  public String toString() {
    return header();
  }

  private static boolean allZeros(String id) {
    return id.chars().allMatch(c -> c == '0');
  }
}
