package com.paystream.gateway.audit;

import reactor.core.publisher.Mono;

/** Where audit records go; an append must run in the transaction of the change it records. */
public interface AuditTrail {

  Mono<Void> append(AuditEntry entry);
}
