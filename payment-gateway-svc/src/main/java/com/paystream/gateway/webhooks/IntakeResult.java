package com.paystream.gateway.webhooks;

import com.paystream.gateway.callbacks.RecordOutcome;

/** What the intake did with one webhook. */
public sealed interface IntakeResult {

  /** Stored (or stored before): answer with the provider's acknowledgement. */
  record Accepted(RecordOutcome outcome, Acknowledgement acknowledgement) implements IntakeResult {

    public boolean isDuplicate() {
      return outcome instanceof RecordOutcome.Duplicate;
    }
  }

  /** Refused: nothing was stored. */
  record Refused(Rejection rejection) implements IntakeResult {}
}
