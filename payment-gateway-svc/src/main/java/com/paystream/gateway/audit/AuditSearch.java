package com.paystream.gateway.audit;

import reactor.core.publisher.Mono;

/** Reads the audit trail for auditors. */
public interface AuditSearch {

  Mono<AuditPage> find(AuditQuery query);
}
