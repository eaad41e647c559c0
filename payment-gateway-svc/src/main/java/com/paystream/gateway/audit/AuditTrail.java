package com.paystream.gateway.audit;

import com.paystream.platform.audit.AuditOutcome;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Where audit records go: the append-only {@code audit_record} table and, through the outbox in the
 * same transaction, {@code audit.events.v1}.
 */
public interface AuditTrail {

  /**
   * Appends a record of a change; must run in the transaction of the change it records, so both or
   * neither exist.
   */
  Mono<Void> append(AuditEntry entry);

  /**
   * Records, in a transaction of its own, an act that changed nothing (a refusal): there is no
   * change to be atomic with. {@code actor} is the refused principal's label, role and credential
   * when the request proved one; empty means the principal of the request being served, or
   * anonymous.
   */
  Mono<Void> alone(
      String action, String target, AuditOutcome outcome, String reason, Optional<Who> actor);

  /** Who acted, as an audit record names it. */
  record Who(String actor, String role, String credential) {}
}
