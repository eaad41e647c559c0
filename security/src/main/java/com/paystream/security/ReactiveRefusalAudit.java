package com.paystream.security;

import reactor.core.publisher.Mono;

/** {@link RefusalAudit} for a reactive service: the refusal is answered when the record is kept. */
public interface ReactiveRefusalAudit {

  Mono<Void> refused(RefusalAudit.Refusal refusal);
}
