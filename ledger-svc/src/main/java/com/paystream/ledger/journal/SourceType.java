package com.paystream.ledger.journal;

/** Where the message that caused an entry came from. */
public enum SourceType {
  CALLBACK,
  COMMAND,
  STATEMENT,
  OPERATOR
}
