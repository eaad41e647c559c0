package com.paystream.recon.report;

import com.paystream.recon.ReconProperties;
import com.paystream.recon.instances.InstancesUnavailableException;
import com.paystream.recon.instances.PeerRequest;
import com.paystream.recon.instances.Scope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * When reports are produced without being asked: every {@code report.interval} for the last {@code
 * report.days} business dates, and {@code report.after-statement} after the latest statement line
 * of a business date was ingested (the time its lines need to be judged). Statement arrivals are
 * read from the ingestion's own table, so a statement ingested over HTTP, from the watched
 * directory or by another instance counts alike. What is published is the whole's report (every
 * instance's partitions), so each instance may run the schedule: the latest report per key wins and
 * every one of them is complete.
 */
public final class ReportSchedule {

  private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

  private final WholeReports reports;
  private final ReportPublisher publisher;
  private final JdbcTemplate jdbc;
  private final ReconProperties recon;
  private final Clock clock;

  /** The ingestion instant each date was last reported for after its statement. */
  private final Map<LocalDate, Instant> reportedAfterStatement = new ConcurrentHashMap<>();

  public ReportSchedule(
      WholeReports reports,
      ReportPublisher publisher,
      JdbcTemplate jdbc,
      ReconProperties recon,
      Clock clock) {
    this.reports = reports;
    this.publisher = publisher;
    this.jdbc = jdbc;
    this.recon = recon;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${paystream.recon.report.interval}",
      initialDelayString = "${paystream.recon.report.interval}")
  public void everyInterval() {
    LocalDate today = LocalDate.now(clock.withZone(recon.zone()));
    for (int back = 0; back < recon.report().days(); back++) {
      publishQuietly(today.minusDays(back), "SCHEDULE");
    }
  }

  @Scheduled(
      fixedDelayString = "${paystream.recon.report.statement-poll:30s}",
      initialDelayString = "${paystream.recon.report.statement-poll:30s}")
  public void afterStatements() {
    Instant now = clock.instant();
    Instant dueBefore = now.minus(recon.report().afterStatement());
    // Only dates whose latest line is due now and at most a day old: older ones were reported, or
    // are covered by the schedule; a restart reports a recent date once more, which is harmless.
    jdbc.query(
        "select booking_date, max(ingested_at) as last_ingested from statement_line"
            + " group by booking_date having max(ingested_at) <= ? and max(ingested_at) > ?",
        rs -> {
          LocalDate date = rs.getDate("booking_date").toLocalDate();
          Instant last = rs.getTimestamp("last_ingested").toInstant();
          if (!last.equals(reportedAfterStatement.get(date)) && publishQuietly(date, "STATEMENT")) {
            reportedAfterStatement.put(date, last);
          }
        },
        Timestamp.from(dueBefore),
        Timestamp.from(dueBefore.minus(java.time.Duration.ofDays(1))));
  }

  /** True when reports were published (none while the date's lines are not processed yet). */
  private boolean publishQuietly(LocalDate date, String trigger) {
    try {
      List<DailyReport> whole = reports.of(date, trigger, Scope.WHOLE, askOthers(date));
      return !publisher.publish(date, trigger, whole).isEmpty();
    } catch (InvalidStateStoreException e) {
      log.info("Reports of {} postponed: the stores are being restored or rebalanced", date);
    } catch (InstancesUnavailableException e) {
      log.warn(
          "Reports of {} postponed: {}{}",
          date,
          e.getMessage(),
          recon.report().apiKey().isEmpty()
              ? " (several instances run: set paystream.recon.report.api-key so that a schedule"
                  + " can ask the others)"
              : "");
    } catch (RuntimeException e) {
      log.warn("Reports of {} could not be published: {}", date, e.toString());
    }
    return false;
  }

  /**
   * A schedule has no caller whose credentials the other instances could check: it asks them as the
   * principal of {@code report.api-key}, authorized there like any caller. Without one, only a
   * single instance publishes on schedule (nobody else to ask).
   */
  private PeerRequest askOthers(LocalDate date) {
    return PeerRequest.own(
        WholeReports.path(date), recon.report().credential().map(key -> "Bearer " + key));
  }
}
