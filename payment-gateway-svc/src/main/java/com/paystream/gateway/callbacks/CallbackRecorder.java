package com.paystream.gateway.callbacks;

import reactor.core.publisher.Mono;

/**
 * Records a verified callback durably. When the returned Mono completes the callback is committed
 * (or was already), so only then may the provider be acknowledged.
 */
public interface CallbackRecorder {

  Mono<RecordOutcome> record(VerifiedCallback callback);
}
