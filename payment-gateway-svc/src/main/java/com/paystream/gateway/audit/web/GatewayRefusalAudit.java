package com.paystream.gateway.audit.web;

import com.paystream.gateway.audit.AuditTrail;
import com.paystream.gateway.audit.CurrentActor;
import com.paystream.platform.audit.AuditOutcome;
import com.paystream.security.ReactiveRefusalAudit;
import com.paystream.security.RefusalAudit;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records the security layer's refusals (401, 403) of state-changing requests, REFUSED, in their
 * own transaction, before the refusal is answered. Refused reads are not audited (reads are not).
 */
@Component
public class GatewayRefusalAudit implements ReactiveRefusalAudit {

  private final AuditTrail trail;

  public GatewayRefusalAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  public Mono<Void> refused(RefusalAudit.Refusal refusal) {
    if (!RequestAuditFilter.isStateChanging(HttpMethod.valueOf(refusal.method()))) {
      return Mono.empty();
    }
    return trail.alone(
        "http " + refusal.method() + " " + refusal.path(),
        refusal.path(),
        AuditOutcome.REFUSED,
        refusal.status() + " " + refusal.reason(),
        Optional.of(refusal.actor().map(CurrentActor::of).orElseGet(CurrentActor::anonymous)));
  }
}
