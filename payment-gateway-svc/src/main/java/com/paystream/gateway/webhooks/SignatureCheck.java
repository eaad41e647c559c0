package com.paystream.gateway.webhooks;

import java.time.Instant;
import java.util.Optional;

/** The outcome of checking a webhook's signature: proven authentic and fresh, or rejected. */
public sealed interface SignatureCheck {

  /**
   * The body was signed with one of the provider's keys within the tolerance.
   *
   * @param eventId the provider's event id when the dialect carries it in a header
   * @param signedAt the timestamp the provider signed
   */
  record Verified(Optional<String> eventId, Instant signedAt) implements SignatureCheck {}

  /** Not verified; nothing from the body may be trusted. */
  record Failed(Rejection rejection) implements SignatureCheck {}
}
