package com.paystream.gateway.callbacks;

import java.util.Map;
import java.util.Objects;

/**
 * A callback whose origin has been proven (signature checked, or we asked the provider ourselves),
 * ready to be recorded.
 *
 * @param providerEventId the provider's id of this notification; the inbox is unique on it per
 *     provider, which is what makes a duplicate delivery a no-op
 * @param rawBody the exact bytes received, kept so the signature can be re-verified later
 * @param headers the headers that matter for audit (ids, timestamps, signature); never secrets
 * @param traceId W3C trace id of the request, or empty
 * @param spanId the span that received it (the request's server span), or empty; with the trace id
 *     it is the parent of the publication that carries the callback on
 */
public record VerifiedCallback(
    String provider,
    String providerEventId,
    CallbackSource source,
    ProviderReport report,
    byte[] rawBody,
    Map<String, String> headers,
    String traceId,
    String spanId) {

  public VerifiedCallback {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerEventId, "providerEventId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(rawBody, "rawBody");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
  }

  /** A callback recorded in a trace whose span is not known (or outside any trace). */
  public VerifiedCallback(
      String provider,
      String providerEventId,
      CallbackSource source,
      ProviderReport report,
      byte[] rawBody,
      Map<String, String> headers,
      String traceId) {
    this(provider, providerEventId, source, report, rawBody, headers, traceId, "");
  }
}
