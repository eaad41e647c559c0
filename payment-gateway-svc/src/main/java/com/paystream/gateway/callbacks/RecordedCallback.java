package com.paystream.gateway.callbacks;

import com.paystream.platform.ids.CallbackId;
import java.time.Instant;
import java.util.Objects;

/** A verified callback with the id and time the gateway recorded it under. */
public record RecordedCallback(
    CallbackId callbackId, VerifiedCallback callback, Instant recordedAt) {

  public RecordedCallback {
    Objects.requireNonNull(callbackId, "callbackId");
    Objects.requireNonNull(callback, "callback");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
