package com.paystream.gateway.webhooks.web;

import com.paystream.gateway.webhooks.RejectionReason;

/** The HTTP status for each rejection reason: the web adapter's concern, not the intake's. */
final class WebhookStatusCodes {

  private WebhookStatusCodes() {}

  static int of(RejectionReason reason) {
    return switch (reason) {
      case UNKNOWN_PROVIDER -> 404;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case PAYLOAD_TOO_LARGE -> 413;
      case MISSING_HEADER, MALFORMED_HEADER, MALFORMED_PAYLOAD, UNSUPPORTED_EVENT_TYPE -> 400;
      case SIGNATURE_MISMATCH, TIMESTAMP_OUT_OF_TOLERANCE -> 401;
    };
  }
}
