package com.paystream.gateway.audit;

import com.paystream.platform.audit.AuditRecord;
import com.paystream.security.Actor;
import com.paystream.security.ActorAuthentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** Who the request being served proved to be, as the audit names it; anonymous when nobody. */
public final class CurrentActor {

  private CurrentActor() {}

  public static Mono<AuditTrail.Who> who() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(ActorAuthentication.class::isInstance)
        .map(authentication -> of(((ActorAuthentication) authentication).actor()))
        .defaultIfEmpty(anonymous());
  }

  public static AuditTrail.Who of(Actor actor) {
    return new AuditTrail.Who(actor.label(), actor.role().name(), actor.credential());
  }

  public static AuditTrail.Who anonymous() {
    return new AuditTrail.Who(AuditRecord.ANONYMOUS, AuditRecord.NO_ROLE, "");
  }
}
