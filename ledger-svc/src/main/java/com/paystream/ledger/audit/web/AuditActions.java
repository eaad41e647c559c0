package com.paystream.ledger.audit.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How the audit trail names what a state-changing request does or tried to do, and to what: the
 * ledger's routes by their action ({@code hold.capture}) and target (the hold id, the business
 * date, the approval id); any other request as {@code http <METHOD> <path>} on its path.
 */
public final class AuditActions {

  public static final String HOLD_PLACE = "hold.place";
  public static final String HOLD_CAPTURE = "hold.capture";
  public static final String HOLD_RELEASE = "hold.release";
  public static final String DAY_CLOSE = "day.close";
  public static final String DAY_CLOSE_EARLY = "day.close-early";
  public static final String APPROVAL_APPROVE = "approval.approve";
  public static final String APPROVAL_REJECT = "approval.reject";
  public static final String MERCHANT_PAYOUT_REQUEST = "merchant-payout.request";
  public static final String MERCHANT_BANK_DETAILS = "merchant.bank-details";

  private record Route(String method, PathPattern pattern, String action, String variable) {}

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

  private static final List<Route> ROUTES =
      List.of(
          route("POST", "/v1/holds", HOLD_PLACE, null),
          route("POST", "/v1/holds/{holdId}/capture", HOLD_CAPTURE, "holdId"),
          route("POST", "/v1/holds/{holdId}/release", HOLD_RELEASE, "holdId"),
          route("POST", "/v1/days/{date}/close", DAY_CLOSE, "date"),
          route(
              "POST", "/v1/merchants/{merchantId}/payouts", MERCHANT_PAYOUT_REQUEST, "merchantId"),
          route(
              "PUT",
              "/v1/merchants/{merchantId}/bank-details",
              MERCHANT_BANK_DETAILS,
              "merchantId"),
          route("POST", "/v1/approvals/{approvalId}/approve", APPROVAL_APPROVE, "approvalId"),
          route("POST", "/v1/approvals/{approvalId}/reject", APPROVAL_REJECT, "approvalId"));

  /** An action and its target. */
  public record Named(String action, String target) {}

  private AuditActions() {}

  private static Route route(String method, String pattern, String action, String variable) {
    return new Route(method, PARSER.parse(pattern), action, variable);
  }

  /** Whether requests of this method change state (and are therefore audited). */
  public static boolean changesState(String method) {
    return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method);
  }

  /** Whether the path is audited at all: the schema registry's lookups change nothing. */
  public static boolean audited(String method, String path) {
    return changesState(method) && !path.startsWith("/schema-registry/");
  }

  /** The action and target of a request; {@code early} is the close's {@code early} parameter. */
  public static Named of(String method, String path, boolean early) {
    PathContainer container = PathContainer.parsePath(path);
    for (Route route : ROUTES) {
      if (!route.method().equals(method)) {
        continue;
      }
      PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(container);
      if (match != null) {
        Map<String, String> variables = match.getUriVariables();
        String action =
            route.action().equals(DAY_CLOSE) && early ? DAY_CLOSE_EARLY : route.action();
        String target = route.variable() == null ? path : variables.get(route.variable());
        return new Named(action, target);
      }
    }
    return new Named("http " + method + " " + path, path);
  }
}
