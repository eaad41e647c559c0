package com.paystream.gateway.webhooks;

import java.util.Objects;

/**
 * A refused webhook: the reason and a short detail safe to show the caller and to log (it never
 * contains a secret, a signature or the body).
 */
public record Rejection(RejectionReason reason, String detail) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
