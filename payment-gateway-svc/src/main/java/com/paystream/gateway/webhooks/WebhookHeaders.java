package com.paystream.gateway.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The request headers of a webhook, looked up case-insensitively as HTTP requires. */
public final class WebhookHeaders {

  private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private WebhookHeaders(Map<String, List<String>> headers) {
    headers.forEach((name, list) -> values.put(name, List.copyOf(list)));
  }

  public static WebhookHeaders of(Map<String, List<String>> headers) {
    return new WebhookHeaders(headers);
  }

  /** Builds headers with one value each, as a signer or a test produces them. */
  public static WebhookHeaders ofSingle(Map<String, String> headers) {
    Map<String, List<String>> lists = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> lists.put(name, List.of(value)));
    return new WebhookHeaders(lists);
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The header's value when it was sent exactly once; otherwise a rejection saying why not. */
  public HeaderValue single(String name) {
    List<String> found = all(name);
    if (found.isEmpty()) {
      return new HeaderValue.Absent(
          new Rejection(RejectionReason.MISSING_HEADER, "header " + name + " is required"));
    }
    if (found.size() > 1) {
      return new HeaderValue.Absent(
          new Rejection(
              RejectionReason.MALFORMED_HEADER, "header " + name + " sent more than once"));
    }
    return new HeaderValue.Present(found.get(0));
  }

  public Optional<String> first(String name) {
    return all(name).stream().findFirst();
  }

  /** A header lookup: its single value, or the rejection for its absence or repetition. */
  public sealed interface HeaderValue {

    /** The header was sent once with this value. */
    record Present(String value) implements HeaderValue {}

    /** The header was missing or repeated. */
    record Absent(Rejection rejection) implements HeaderValue {}
  }
}
