package com.paystream.recon.report.web;

import com.paystream.platform.audit.AuditOutcome;
import com.paystream.platform.input.InputPolicy;
import com.paystream.recon.audit.AuditTrail;
import com.paystream.recon.instances.PeerRequest;
import com.paystream.recon.instances.Scope;
import com.paystream.recon.report.DailyReport;
import com.paystream.recon.report.ReportPublisher;
import com.paystream.recon.report.WholeReports;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 *   <li>{@code GET /v1/reports/{date}?currency=} the reports of the date, one per currency, for the
 *       whole: every instance's partitions summed; with {@code scope=local} this instance's
 *       partitions only (what the other instances ask it for).
 *   <li>{@code POST /v1/reports/{date}} produces them now (for the whole) and writes them to {@code
 *       recon.reports.v1}; 200 with what was published.
 * </ul>
 *
 * The date is bound through the suite's {@link InputPolicy} (within its range, else {@code 400
 * date-out-of-range}; not a date, {@code 400 malformed}), and so is the currency ({@code 400
 * currency-not-accepted}). While the stores are restored or rebalanced the answer is 503 with
 * Retry-After (QueryErrors), and so is an answer another instance does not give its part of.
 */
@RestController
public class ReportsController {

  private static final String ON_DEMAND = "ON_DEMAND";

  private final WholeReports reports;
  private final ReportPublisher publisher;
  private final AuditTrail audit;
  private final InputPolicy policy;

  public ReportsController(
      WholeReports reports, ReportPublisher publisher, AuditTrail audit, InputPolicy policy) {
    this.reports = reports;
    this.publisher = publisher;
    this.audit = audit;
    this.policy = policy;
  }

  @GetMapping("/v1/reports/{date}")
  public List<DailyReport> get(
      @PathVariable("date") String dateText,
      @RequestParam(required = false) String currency,
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      HttpServletRequest request) {
    LocalDate date = policy.date("date", dateText);
    Optional<String> wanted =
        Optional.ofNullable(currency)
            .map(c -> policy.currency("currency", c.strip().toUpperCase(Locale.ROOT)).code());
    List<DailyReport> all =
        reports.of(date, ON_DEMAND, Scope.of(scope), PeerRequest.sameAs(request));
    return wanted.map(w -> all.stream().filter(r -> r.currency().equals(w)).toList()).orElse(all);
  }

  @PostMapping("/v1/reports/{date}")
  public ResponseEntity<List<DailyReport>> publish(
      @PathVariable("date") String dateText, HttpServletRequest request) {
    LocalDate date = policy.date("date", dateText);
    // The whole's reports, the other instances asked as the caller (who may read reports).
    List<DailyReport> whole =
        reports.of(
            date, ON_DEMAND, Scope.WHOLE, PeerRequest.of(request, WholeReports.path(date), null));
    List<DailyReport> published = publisher.publish(date, ON_DEMAND, whole);
    // The change is on Kafka, not in this database: recorded once the broker acknowledged it.
    audit.recordAlone(
        AuditOutcome.ACCEPTED,
        "report.publish",
        date.toString(),
        published.size() + " report(s) re-published");
    return ResponseEntity.status(HttpStatus.OK).body(published);
  }
}
