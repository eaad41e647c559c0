package com.paystream.relay.operator;

/** The states an operator looks at: still being delivered, or given up on. */
public enum MessageState {
  /** Waiting for its first publication or for the ledger's confirmation. */
  UNCONFIRMED,
  /** Dead-lettered: the schedule ran out, or the ledger refused it for good. */
  DEAD
}
