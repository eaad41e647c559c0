package com.paystream.gateway.callbacks;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Records several verified callbacks in one transaction. When the Mono completes, all of them are
 * committed (or were already: duplicates); the outcomes are in the order of the callbacks.
 */
public interface CallbackBatchWriter {

  Mono<List<RecordOutcome>> recordAll(List<VerifiedCallback> callbacks);
}
