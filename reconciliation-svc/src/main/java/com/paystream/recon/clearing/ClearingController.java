package com.paystream.recon.clearing;

import com.paystream.recon.instances.PeerRequest;
import com.paystream.recon.instances.Scope;
import com.paystream.recon.instances.WholeQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;

/**
 * {@code GET /v1/clearing}: the clearing check of every currency, of the whole (each currency is
 * held by one instance; the others' parts are asked over HTTP), in currency order; {@code
 * scope=local} for this instance's currencies only.
 */
@RestController
public class ClearingController {

  private static final TypeReference<List<ClearingView>> VIEWS = new TypeReference<>() {};

  private final ClearingChecks checks;
  private final WholeQuery whole;
  private final Clock clock;

  public ClearingController(ClearingChecks checks, WholeQuery whole, Clock clock) {
    this.checks = checks;
    this.whole = whole;
    this.clock = clock;
  }

  @GetMapping("/v1/clearing")
  public List<ClearingView> list(
      @RequestParam(name = Scope.PARAMETER, required = false) String scope,
      HttpServletRequest request) {
    long now = clock.millis();
    return whole
        .parts(
            Scope.of(scope),
            () -> checks.local().stream().map(check -> ClearingView.of(check, now)).toList(),
            PeerRequest.sameAs(request),
            VIEWS)
        .stream()
        .sorted(Comparator.comparing(ClearingView::currency))
        .toList();
  }
}
