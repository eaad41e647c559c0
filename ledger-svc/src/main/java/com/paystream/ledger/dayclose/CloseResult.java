package com.paystream.ledger.dayclose;

import java.time.LocalDate;

/** The answer to "close this date": what happened, or why it cannot close now. */
public sealed interface CloseResult {

  /** The date is closed (now or earlier); its status. */
  record Closed(DayStatus status) implements CloseResult {}

  /** The date cannot close now, for the reason given (still open, a previous date open...). */
  record NotClosable(LocalDate businessDate, String reason) implements CloseResult {}
}
