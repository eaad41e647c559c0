package com.paystream.gateway.callbacks;

import com.paystream.gateway.payments.StatusDecision;
import com.paystream.platform.ids.CallbackId;

/** What recording a callback did. Both outcomes are successes: the provider gets its 2xx. */
public sealed interface RecordOutcome {

  /** Stored for the first time: inbox row, status history row and relay outbox row committed. */
  record Recorded(CallbackId callbackId, StatusDecision decision, boolean paymentCreated)
      implements RecordOutcome {}

  /** The provider sent this event before; nothing new was stored. */
  record Duplicate(String provider, String providerEventId) implements RecordOutcome {}
}
