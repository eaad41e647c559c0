package com.paystream.gateway.callbacks;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Records callbacks that were already published as intake records them (inbox row, status decision,
 * history, a payment first heard of), under their own ids and times, but without outbox rows: they
 * are on the topic already. Idempotent: a callback the inbox has is skipped.
 */
public interface ReimportWriter {

  /** Emits how many of the callbacks the inbox lacked (and now has). */
  Mono<Integer> reimport(List<RecordedCallback> callbacks);
}
