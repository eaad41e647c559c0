package com.paystream.recon.report.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.report.DailyReport;
import com.paystream.recon.report.DailyReports;
import com.paystream.recon.report.ReportPublisher;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
 * The date is bound through the suite's {@link InputPolicy} (within its range, else {@code 400
 * date-out-of-range}; not a date, {@code 400 malformed}), and so is the currency ({@code 400
 * currency-not-accepted}). While the stores are restored or rebalanced the answer is 503 with
 * Retry-After (QueryErrors).
 */
@RestController
public class ReportsController {

  private final DailyReports reports;
  private final ReportPublisher publisher;
  private final AuditTrail audit;
  private final InputPolicy policy;

  public ReportsController(
      DailyReports reports, ReportPublisher publisher, AuditTrail audit, InputPolicy policy) {
    this.reports = reports;
    this.publisher = publisher;
    this.audit = audit;
    this.policy = policy;
  }

  @GetMapping("/v1/reports/{date}")
  public List<DailyReport> get(
      @PathVariable("date") String dateText, @RequestParam(required = false) String currency) {
    LocalDate date = policy.date("date", dateText);
    if (currency == null) {
      return reports.of(date, "ON_DEMAND");
    }
    String wanted = policy.currency("currency", currency.strip().toUpperCase(Locale.ROOT)).code();
    return reports.of(date, "ON_DEMAND").stream().filter(r -> r.currency().equals(wanted)).toList();
  }

  @PostMapping("/v1/reports/{date}")
  public ResponseEntity<List<DailyReport>> publish(@PathVariable("date") String dateText) {
    LocalDate date = policy.date("date", dateText);
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
