package com.paystream.gateway.webhooks;

/** Thrown by a payload parser for a well-formed event of a type the gateway does not take. */
public final class UnsupportedEventType extends RuntimeException {

  public UnsupportedEventType(String detail) {
    super(detail, null, false, false);
  }

  public Rejection rejection() {
    return new Rejection(RejectionReason.UNSUPPORTED_EVENT_TYPE, getMessage());
  }
}
