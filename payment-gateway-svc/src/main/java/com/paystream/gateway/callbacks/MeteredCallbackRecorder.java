package com.paystream.gateway.callbacks;

import com.paystream.gateway.payments.StatusFlag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Counts what recording did, after commit: callbacks recorded or duplicate (by provider and
 * source), payments created from a callback (would-be lost orders) and flagged decisions (amount or
 * merchant mismatch, conflicting outcomes, late reports), and logs the ones an operator must see.
 */
public final class MeteredCallbackRecorder implements CallbackRecorder {

  private static final Logger log = LoggerFactory.getLogger(MeteredCallbackRecorder.class);

  private final CallbackRecorder delegate;
  private final MeterRegistry registry;

  public MeteredCallbackRecorder(CallbackRecorder delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public Mono<RecordOutcome> record(VerifiedCallback callback) {
    return delegate.record(callback).doOnNext(outcome -> count(callback, outcome));
  }

  private void count(VerifiedCallback callback, RecordOutcome outcome) {
    boolean duplicate = outcome instanceof RecordOutcome.Duplicate;
    counter("paystream.callbacks", callback, "outcome", duplicate ? "duplicate" : "recorded")
        .increment();
    if (outcome instanceof RecordOutcome.Recorded recorded) {
      if (recorded.paymentCreated()) {
        counter("paystream.payments.created.from.callback", callback, null, null).increment();
        log.info(
            "Payment {} first seen in a callback from {}; created from it",
            callback.report().paymentId(),
            callback.provider());
      }
      for (StatusFlag flag : recorded.decision().flags()) {
        counter("paystream.payments.status.flags", callback, "flag", flag.name()).increment();
      }
      if (recorded.decision().needsAttention()) {
        log.warn(
            "Payment {} needs attention: callback {} reported {} {} -> flags {}",
            callback.report().paymentId(),
            recorded.callbackId(),
            callback.report().status(),
            callback.report().amount(),
            recorded.decision().flags());
      }
    }
  }

  private Counter counter(String name, VerifiedCallback callback, String tag, String value) {
    Counter.Builder builder =
        Counter.builder(name)
            .tag("provider", callback.provider())
            .tag("source", callback.source().name());
    if (tag != null) {
      builder.tag(tag, value);
    }
    return builder.register(registry);
  }
}
