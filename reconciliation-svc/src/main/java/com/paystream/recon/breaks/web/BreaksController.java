package com.paystream.recon.breaks.web;

import com.paystream.recon.approvals.ApprovalView;
import com.paystream.recon.breaks.BreakFilter;
import com.paystream.recon.breaks.BreakView;
import com.paystream.recon.breaks.ManualResolutions;
import com.paystream.recon.breaks.OpenBreaks;
import com.paystream.recon.matching.Outcome;
import com.paystream.security.servlet.Actors;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Open breaks over HTTP.
 *
 * <ul>
 *   <li>{@code GET /v1/breaks?outcome=&currency=&provider=&reference=&from=&to=&limit=} lists open
 *       break legs, oldest business date first.
 *   <li>{@code GET /v1/breaks/{breakId}} the legs of one open break (404 when not open).
 *   <li>{@code POST /v1/breaks/{breakId}/resolution} with {@code {"reason": "..."}} asks to close
 *       it: 202 with the approval request (state PENDING, {@code Location: /v1/approvals/{id}})
 *       when a second operator must approve ({@code break.resolve}), or 202 with the resolution
 *       when the policy lets one operator resolve it; 404 when not open, 409 when it was already
 *       resolved manually, 400 for a body naming {@code resolvedBy}.
 * </ul>
 */
@RestController
public class BreaksController {

  static final int MAX_LIMIT = 1000;

  private final OpenBreaks openBreaks;
  private final ManualResolutions resolutions;

  public BreaksController(OpenBreaks openBreaks, ManualResolutions resolutions) {
    this.openBreaks = openBreaks;
    this.resolutions = resolutions;
  }

  @GetMapping("/v1/breaks")
  public List<BreakView> list(
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw badRequest("limit must be within 1.." + MAX_LIMIT);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw badRequest("'to' (" + to + ") is before 'from' (" + from + ")");
    }
    BreakFilter filter =
        new BreakFilter(
            outcome(outcome),
            Optional.ofNullable(currency).map(c -> c.toUpperCase(Locale.ROOT)),
            Optional.ofNullable(provider),
            Optional.ofNullable(reference),
            Optional.ofNullable(from),
            Optional.ofNullable(to));
    return openBreaks.list(filter, limit).stream().map(BreakView::of).toList();
  }

  @GetMapping("/v1/breaks/{breakId}")
  public List<BreakView> get(@PathVariable String breakId) {
    List<BreakView> legs = openBreaks.legsOf(breakId).stream().map(BreakView::of).toList();
    if (legs.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open break " + breakId);
    }
    return legs;
  }

  /**
   * The operator's reason. {@code resolvedBy} is not the caller's to say: it is the authenticated
   * operator, and a body that names it is refused.
   */
  public record ResolutionRequest(String reason, String resolvedBy) {}

  /**
   * What the service accepted without a second operator; the RESOLVED result follows on {@code
   * recon.results.v1}.
   */
  public record ResolutionAccepted(String resolutionId, String breakId) {}

  @PostMapping("/v1/breaks/{breakId}/resolution")
  public ResponseEntity<Object> resolve(
      @PathVariable String breakId, @RequestBody(required = false) ResolutionRequest request) {
    if (request == null || request.reason() == null || request.reason().strip().length() < 3) {
      throw badRequest("a reason of at least 3 characters is required");
    }
    if (request.reason().length() > 2000) {
      throw badRequest("the reason is longer than 2000 characters");
    }
    if (request.resolvedBy() != null) {
      throw badRequest(
          "resolvedBy is taken from your credentials; remove it from the request body");
    }
    ManualResolutions.Result result =
        resolutions.request(breakId, request.reason(), Actors.current().label());
    if (result instanceof ManualResolutions.Result.AwaitingApproval awaiting) {
      ApprovalView approval = awaiting.approval();
      return ResponseEntity.accepted()
          .location(URI.create("/v1/approvals/" + approval.approvalId()))
          .body(approval);
    }
    if (result instanceof ManualResolutions.Result.Accepted accepted) {
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .body(new ResolutionAccepted(accepted.resolutionId().toString(), accepted.breakId()));
    }
    if (result instanceof ManualResolutions.Result.AlreadyResolved) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "break " + breakId + " was already resolved manually");
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open break " + breakId);
  }

  private static Optional<Outcome> outcome(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Outcome.valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw badRequest("unknown outcome '" + name + "'");
    }
  }

  private static ResponseStatusException badRequest(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }
}
