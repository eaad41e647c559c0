package com.paystream.recon.breaks.persistence;

import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends manual resolutions to {@code break_resolution} (who requested, who approved, when four
 * eyes applied); the table refuses changes.
 */
public final class ResolutionAudit {

  private final JdbcTemplate jdbc;

  public ResolutionAudit(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One operator decision. */
  public record Entry(
      UUID resolutionId,
      String breakId,
      String reference,
      String outcome,
      LocalDate businessDate,
      String resolvedBy,
      String reason,
      String approvedBy,
      UUID approvalId) {}

  /** Whether the break was resolved manually already. */
  public boolean resolved(String breakId) {
    Integer found =
        jdbc.queryForObject(
            "select count(*) from break_resolution where break_id = ?", Integer.class, breakId);
    return found != null && found > 0;
  }

  /**
   * @return false when this break was already resolved manually (nothing written)
   */
  public boolean record(Entry entry) {
    // ON CONFLICT rather than catching the error: an error would abort the caller's transaction.
    int inserted =
        jdbc.update(
            "insert into break_resolution (resolution_id, break_id, payment_reference, outcome,"
                + " business_date, resolved_by, reason, approved_by, approval_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (break_id) do nothing",
            entry.resolutionId(),
            entry.breakId(),
            entry.reference(),
            entry.outcome(),
            Date.valueOf(entry.businessDate()),
            entry.resolvedBy(),
            entry.reason(),
            entry.approvedBy(),
            entry.approvalId());
    return inserted == 1;
  }
}
