package com.paystream.recon.breaks.web;

import com.paystream.platform.input.InputPolicy;
import com.paystream.platform.input.InputReason;
import com.paystream.platform.input.InputRefusedException;
import com.paystream.recon.approvals.ApprovalView;
import com.paystream.recon.breaks.BreakFilter;
import com.paystream.recon.breaks.BreakMerge;
import com.paystream.recon.breaks.BreakView;
import com.paystream.recon.breaks.ManualResolutions;
import com.paystream.recon.breaks.OpenBreaks;
import com.paystream.recon.instances.Holders;
import com.paystream.recon.instances.PeerRequest;
import com.paystream.recon.instances.Scope;
import com.paystream.recon.instances.WholeQuery;
import com.paystream.recon.matching.Outcome;
import com.paystream.recon.web.RequestRefusedException;
import com.paystream.security.servlet.Actors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * Open breaks over HTTP. Every value is bound through the suite's {@link InputPolicy}: dates within
 * its range, a currency it accepts, filters and the reason capped, pages bounded; break ids of
 * their declared shape. Refusals are problems with a {@code reason} ({@code RefusalProblems}).
 *
 * <ul>
 *   <li>{@code GET /v1/breaks?outcome=&currency=&provider=&reference=&from=&to=&limit=} lists open
 *       break legs, oldest business date first, of the whole (every instance's partitions).
 *   <li>{@code GET /v1/breaks/{breakId}} the legs of one open break, wherever it is held ({@code
 *       404 not-found} when not open).
 *   <li>Both with {@code scope=local}: this instance's partitions only, an empty list rather than
 *       404 for a break held elsewhere (what the other instances ask it for).
 *   <li>{@code POST /v1/breaks/{breakId}/resolution} with {@code {"reason": "..."}} asks to close
 *       it: 202 with the approval request (state PENDING, {@code Location: /v1/approvals/{id}})
 *       when a second operator must approve ({@code break.resolve}), or 202 with the resolution
 *       when the policy lets one operator resolve it; {@code 404 not-found} when not open, {@code
 *       409 already-resolved} when it was already resolved manually, 400 for a body naming {@code
 *       resolvedBy}. It is carried out by the instance that holds the break: asked elsewhere, the
 *       same request goes to the holder and its answer comes back as it is ({@code scope=local}
 *       resolves only a break held here, else 404).
 * </ul>
 */
@RestController
public class BreaksController {

  /**
   * Break ids: the opaque {@code brk_…} ids, and those issued before them ({@code <reference>:<n>})
   * while such breaks are still open.
   */
  static final Pattern BREAK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

  /** Statement references are the bank's: free text of this length at most. */
  static final int MAX_REFERENCE = 140;

  private static final TypeReference<List<BreakView>> BREAK_VIEWS = new TypeReference<>() {};

  private final OpenBreaks openBreaks;
  private final WholeQuery whole;
  private final ManualResolutions resolutions;
  private final Holders holders;
  private final InputPolicy policy;

  public BreaksController(
      OpenBreaks openBreaks,
      WholeQuery whole,
      ManualResolutions resolutions,
      Holders holders,
      InputPolicy policy) {
    this.openBreaks = openBreaks;
    this.whole = whole;
    this.resolutions = resolutions;
    this.holders = holders;
    this.policy = policy;
  }

  @GetMapping("/v1/breaks")
  public List<BreakView> list(
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      HttpServletRequest request) {
    int pageSize = policy.pageSize("limit", limit);
    Optional<LocalDate> first = Optional.ofNullable(from).map(f -> policy.date("from", f));
    Optional<LocalDate> last = Optional.ofNullable(to).map(t -> policy.date("to", t));
    if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
      throw new InputRefusedException(
          InputReason.DATE_OUT_OF_RANGE,
          "to",
          "'to' (" + last.get() + ") is before 'from' (" + first.get() + ")");
    }
    BreakFilter filter =
        new BreakFilter(
            outcome(outcome),
            Optional.ofNullable(currency)
                .map(c -> policy.currency("currency", c.strip().toUpperCase(Locale.ROOT)).code()),
            Optional.ofNullable(provider).map(p -> policy.identifier("provider", p)),
            Optional.ofNullable(reference).map(r -> policy.text("reference", r, MAX_REFERENCE)),
            first,
            last);
    // Each instance gives its own first pageSize legs; the whole's first pageSize are among them.
    List<BreakView> parts =
        whole.parts(
            Scope.of(scope),
            () -> openBreaks.list(filter, pageSize).stream().map(BreakView::of).toList(),
            PeerRequest.sameAs(request),
            BREAK_VIEWS);
    return BreakMerge.first(parts, pageSize);
  }

  @GetMapping("/v1/breaks/{breakId}")
  public List<BreakView> get(
      @PathVariable String breakId,
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      HttpServletRequest request) {
    String id = breakId(breakId);
    Scope asked = Scope.of(scope);
    List<BreakView> legs =
        BreakMerge.legs(
            whole.parts(
                asked,
                () -> openBreaks.legsOf(id).stream().map(BreakView::of).toList(),
                PeerRequest.sameAs(request),
                BREAK_VIEWS));
    if (legs.isEmpty() && asked == Scope.LOCAL) {
      // Not here is not an error for the instance that asked: it merges an empty part.
      return legs;
    }
    if (legs.isEmpty()) {
      throw notOpen(id);
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
  public ResponseEntity<?> resolve(
      @PathVariable String breakId,
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      @RequestBody(required = false) ResolutionRequest request,
      HttpServletRequest http) {
    String id = breakId(breakId);
    if (request == null || request.reason() == null) {
      throw new InputRefusedException(InputReason.MISSING, "reason", "a reason is required");
    }
    String reason = policy.text("reason", request.reason());
    if (reason.strip().length() < 3) {
      throw new InputRefusedException(
          InputReason.MISSING, "reason", "a reason of at least 3 characters is required");
    }
    if (request.resolvedBy() != null) {
      throw new InputRefusedException(
          InputReason.MALFORMED_REQUEST,
          "resolvedBy",
          "resolvedBy is taken from your credentials; remove it from the request body");
    }
    if (Scope.of(scope) == Scope.WHOLE) {
      Optional<ResponseEntity<byte[]>> holder =
          holders.answerFromHolder(
              resolutions.whereabouts(id), http, Map.of("reason", request.reason()));
      if (holder.isPresent()) {
        return holder.get();
      }
    }
    ManualResolutions.Result result = resolutions.request(id, reason, Actors.current().label());
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
      throw new RequestRefusedException(
          HttpStatus.CONFLICT,
          "already-resolved",
          "break " + InputPolicy.echo(id) + " was already resolved manually");
    }
    throw notOpen(id);
  }

  private String breakId(String value) {
    return policy.identifier("breakId", value, BREAK_ID, "a break id such as brk_…");
  }

  private static RequestRefusedException notOpen(String breakId) {
    return new RequestRefusedException(
        HttpStatus.NOT_FOUND,
        InputReason.NOT_FOUND.code(),
        "no open break " + InputPolicy.echo(breakId));
  }

  private static Optional<Outcome> outcome(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new InputRefusedException(
          InputReason.MALFORMED, "outcome", "unknown outcome " + InputPolicy.echo(name));
    }
  }
}
