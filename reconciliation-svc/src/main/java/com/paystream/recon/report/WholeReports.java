package com.paystream.recon.report;

import com.paystream.recon.instances.PeerRequest;
import com.paystream.recon.instances.Scope;
import com.paystream.recon.instances.WholeQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * The reports of a business date for the whole (every instance's partitions summed), or for this
 * instance alone with {@link Scope#LOCAL} (what the other instances ask it for).
 */
public final class WholeReports {

  private static final TypeReference<List<DailyReport>> REPORTS = new TypeReference<>() {};

  private final DailyReports local;
  private final WholeQuery whole;
  private final Clock clock;

  public WholeReports(DailyReports local, WholeQuery whole, Clock clock) {
    this.local = local;
    this.whole = whole;
    this.clock = clock;
  }

  /**
   * One report per currency, sorted by currency.
   *
   * @param request how the other instances are asked (a GET of {@code /v1/reports/{date}})
   */
  public List<DailyReport> of(LocalDate date, String trigger, Scope scope, PeerRequest request) {
    List<DailyReport> parts = whole.parts(scope, () -> local.of(date, trigger), request, REPORTS);
    return ReportMerge.sum(date, parts, clock.instant(), trigger);
  }

  /** The path the other instances answer the reports of {@code date} at. */
  public static String path(LocalDate date) {
    return "/v1/reports/" + date;
  }
}
