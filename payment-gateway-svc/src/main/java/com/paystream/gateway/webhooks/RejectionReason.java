package com.paystream.gateway.webhooks;

/**
 * Why a webhook was refused. The code is stable: it is the metric tag, the problem type and what
 * operators search logs for.
 */
public enum RejectionReason {
  UNKNOWN_PROVIDER("unknown_provider", "Unknown provider"),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported media type"),
  PAYLOAD_TOO_LARGE("payload_too_large", "Payload too large"),
  MISSING_HEADER("missing_header", "Missing header"),
  MALFORMED_HEADER("malformed_header", "Malformed header"),
  SIGNATURE_MISMATCH("signature_mismatch", "Invalid signature"),
  TIMESTAMP_OUT_OF_TOLERANCE("timestamp_out_of_tolerance", "Timestamp outside tolerance"),
  MALFORMED_PAYLOAD("malformed_payload", "Malformed payload"),
  UNSUPPORTED_EVENT_TYPE("unsupported_event_type", "Unsupported event type");

  private final String code;
  private final String title;

  RejectionReason(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }
}
