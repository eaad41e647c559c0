package com.paystream.gateway.outbox;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The outbox as the features see it: a message appended in the transaction of the change it
 * announces, and a wake-up for the publisher once that transaction has committed.
 */
public interface Outbox {

  Mono<Boolean> exists(UUID messageId);

  /** Appends the message unless one with its id is there; emits true when this call added it. */
  Mono<Boolean> appendIfAbsent(OutboxMessage message);
}
