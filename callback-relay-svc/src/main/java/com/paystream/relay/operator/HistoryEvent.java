package com.paystream.relay.operator;

import java.time.Instant;

/**
 * One thing that happened to a message: published (attempt n), dead-lettered, confirmed or refused
 * by the ledger, or redriven by an operator. Fields that do not apply are null.
 */
public record HistoryEvent(
    Instant at, Kind event, Integer attempt, String detail, String operator) {

  public enum Kind {
    PUBLISHED,
    DEAD_LETTERED,
    CONFIRMED,
    REJECTED,
    REDRIVEN
  }
}
