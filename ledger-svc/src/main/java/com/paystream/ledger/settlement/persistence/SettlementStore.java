package com.paystream.ledger.settlement.persistence;

import com.paystream.ledger.booking.SourceRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a consumed settlement's dedupe record ({@code processed_event}) inside the caller's
 * transaction, with the entry it booked or the reason it was dead-lettered, and the record's
 * position. One row per settlement: the primary key refuses a second one, so two writers of the
 * same settlement cannot both commit.
 */
public final class SettlementStore {

  private static final String INSERT_PROCESSED_SQL =
      "insert into processed_event (source_event_id, source_type, outcome, entry_id, payment_id,"
          + " reason_code, source_topic, source_partition, source_offset, processed_at)"
          + " values (?, ?, ?, ?, null, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;

  public SettlementStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@code sourceType}: STATEMENT for a settlement read, UNREADABLE for bytes that are none; {@code
   * outcome}: POSTED (with {@code entryId}), NO_FINANCIAL_EFFECT or DEAD_LETTERED (with {@code
   * reasonCode}), as the table's checks require.
   */
  public void recordProcessed(
      UUID sourceEventId,
      String sourceType,
      String outcome,
      UUID entryId,
      String reasonCode,
      SourceRef source,
      Instant at) {
    jdbc.update(
        INSERT_PROCESSED_SQL,
        sourceEventId,
        sourceType,
        outcome,
        entryId,
        reasonCode,
        source.topic(),
        source.partition(),
        source.offset(),
        Timestamp.from(at));
  }
}
