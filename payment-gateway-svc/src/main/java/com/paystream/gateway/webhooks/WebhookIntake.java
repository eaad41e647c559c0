package com.paystream.gateway.webhooks;

import com.paystream.gateway.callbacks.CallbackRecorder;
import com.paystream.gateway.callbacks.CallbackSource;
import com.paystream.gateway.callbacks.RecordOutcome;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.support.Trail;
import com.paystream.platform.tracing.TraceParent;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Verifies, parses and records one webhook. The order is the point: nothing from the body is read
 * before the signature holds, and the acknowledgement exists only once the recorder has committed.
 */
public final class WebhookIntake {

  private final CallbackRecorder recorder;
  private final Clock clock;

  public WebhookIntake(CallbackRecorder recorder, Clock clock) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Mono<IntakeResult> receive(
      ProviderEndpoint provider,
      WebhookHeaders headers,
      byte[] rawBody,
      Optional<TraceParent> trace) {
    SignatureCheck check =
        provider.dialect().verify(headers, rawBody, provider.keys(), clock.instant());
    if (check instanceof SignatureCheck.Failed failed) {
      return Mono.just(new IntakeResult.Refused(failed.rejection()));
    }
    ParseResult parsed = provider.parser().parse(rawBody, (SignatureCheck.Verified) check);
    if (parsed instanceof ParseResult.Unusable unusable) {
      return Mono.just(new IntakeResult.Refused(unusable.rejection()));
    }
    ParseResult.Parsed report = (ParseResult.Parsed) parsed;
    VerifiedCallback callback =
        new VerifiedCallback(
            provider.name(),
            report.providerEventId(),
            CallbackSource.WEBHOOK,
            report.report(),
            rawBody,
            provider.dialect().auditHeaders(headers),
            trace.map(TraceParent::traceId).orElse(""),
            trace.map(TraceParent::spanId).orElse(""));
    return recorder.record(callback).map(outcome -> accepted(provider, callback, outcome));
  }

  /**
   * Logged where the recorder's answer arrives: that operator runs with the request's trace
   * restored (Reactor's automatic context propagation), so the line carries its ids.
   */
  private static IntakeResult accepted(
      ProviderEndpoint provider, VerifiedCallback callback, RecordOutcome outcome) {
    boolean duplicate = outcome instanceof RecordOutcome.Duplicate;
    Trail.log()
        .info(
            "webhook accepted provider={} paymentId={} eventId={} status={} outcome={}",
            provider.name(),
            callback.report().paymentId().value(),
            callback.providerEventId(),
            callback.report().status(),
            duplicate ? "duplicate" : "recorded");
    return new IntakeResult.Accepted(outcome, provider.dialect().acknowledge(duplicate));
  }
}
