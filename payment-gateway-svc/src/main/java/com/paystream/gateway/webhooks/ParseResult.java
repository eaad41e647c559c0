package com.paystream.gateway.webhooks;

import com.paystream.gateway.callbacks.ProviderReport;

/** The outcome of parsing a verified body: the provider's report, or why it is unusable. */
public sealed interface ParseResult {

  /** A well-formed report, with the provider's event id (from a header or the body). */
  record Parsed(String providerEventId, ProviderReport report) implements ParseResult {}

  /** The body does not hold a report we accept. */
  record Unusable(Rejection rejection) implements ParseResult {}

  static ParseResult malformed(String detail) {
    return new Unusable(new Rejection(RejectionReason.MALFORMED_PAYLOAD, detail));
  }
}
