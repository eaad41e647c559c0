package com.paystream.recon.report.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.report.DailyReport;
import com.paystream.recon.report.DailyReports;
import com.paystream.recon.report.ReportPublisher;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports per business date over HTTP, read live from the topology's stores.
 *
 * <ul>
 *   <li>{@code GET /v1/reports/{date}?currency=} the reports of the date, one per currency.
 *   <li>{@code POST /v1/reports/{date}} produces them now and writes them to {@code
 *       recon.reports.v1}; 200 with what was published.
 * </ul>
 *
 * While the stores are restored or rebalanced the answer is 503 with Retry-After (QueryErrors).
 */
@RestController
public class ReportsController {

  private final DailyReports reports;
  private final ReportPublisher publisher;
  private final AuditTrail audit;

  public ReportsController(DailyReports reports, ReportPublisher publisher, AuditTrail audit) {
    this.reports = reports;
    this.publisher = publisher;
    this.audit = audit;
  }

  @GetMapping("/v1/reports/{date}")
  public List<DailyReport> get(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) String currency) {
    List<DailyReport> all = reports.of(date, "ON_DEMAND");
    if (currency == null || currency.isBlank()) {
      return all;
    }
    String wanted = currency.trim().toUpperCase(Locale.ROOT);
    return all.stream().filter(r -> r.currency().equals(wanted)).toList();
  }

  @PostMapping("/v1/reports/{date}")
  public ResponseEntity<List<DailyReport>> publish(
      @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    List<DailyReport> published = publisher.publish(date, "ON_DEMAND");
    // The change is on Kafka, not in this database: recorded once the broker acknowledged it.
    audit.recordAlone(
        AuditOutcome.ACCEPTED,
        "report.publish",
        date.toString(),
        published.size() + " report(s) re-published");
    return ResponseEntity.status(HttpStatus.OK).body(published);
  }
}
