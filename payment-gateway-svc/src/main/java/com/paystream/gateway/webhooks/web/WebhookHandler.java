package com.paystream.gateway.webhooks.web;

import com.paystream.gateway.support.TraceParent;
import com.paystream.gateway.support.web.Problem;
import com.paystream.gateway.webhooks.Acknowledgement;
import com.paystream.gateway.webhooks.IntakeResult;
import com.paystream.gateway.webhooks.ProviderDirectory;
import com.paystream.gateway.webhooks.ProviderEndpoint;
import com.paystream.gateway.webhooks.Rejection;
import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.WebhookHeaders;
import com.paystream.gateway.webhooks.WebhookIntake;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/webhooks/{provider}}: the cheap checks first (provider, media type, size), then
 * the intake (signature, payload, durable record), then the provider's own acknowledgement. Bad
 * input always ends as a 4xx problem, counted and logged with its reason.
 */
@Component
public class WebhookHandler {

  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
  private static final int MAX_LOGGED_NAME = 64;

  private final ProviderDirectory providers;
  private final WebhookIntake intake;
  private final WebhookMetrics metrics;
  private final WebhookLimits limits;

  public WebhookHandler(
      ProviderDirectory providers,
      WebhookIntake intake,
      WebhookMetrics metrics,
      WebhookLimits limits) {
    this.providers = providers;
    this.intake = intake;
    this.metrics = metrics;
    this.limits = limits;
  }

  public Mono<ServerResponse> receive(ServerRequest request) {
    Timer.Sample sample = metrics.start();
    String name = request.pathVariable("provider");
    Optional<ProviderEndpoint> found = providers.find(name);
    if (found.isEmpty()) {
      return reject(
          request,
          WebhookMetrics.UNKNOWN_PROVIDER,
          new Rejection(RejectionReason.UNKNOWN_PROVIDER, "no provider is configured by that name"),
          sample);
    }
    ProviderEndpoint provider = found.get();
    Optional<Rejection> early = checkMediaTypeAndLength(request);
    if (early.isPresent()) {
      return reject(request, provider.name(), early.get(), sample);
    }
    return readBody(request)
        .flatMap(body -> process(request, provider, body, sample))
        .onErrorResume(
            DataBufferLimitException.class,
            e -> reject(request, provider.name(), tooLarge(), sample))
        .onErrorResume(e -> failed(request, provider.name(), e, sample));
  }

  private Mono<ServerResponse> process(
      ServerRequest request, ProviderEndpoint provider, byte[] body, Timer.Sample sample) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    request.headers().asHttpHeaders().forEach(raw::put);
    WebhookHeaders headers = WebhookHeaders.of(raw);
    return intake
        .receive(provider, headers, body, TraceParent.of(request.exchange()))
        .flatMap(
            result -> {
              if (result instanceof IntakeResult.Refused refused) {
                return reject(request, provider.name(), refused.rejection(), sample);
              }
              IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
              metrics.accepted(provider.name(), accepted.isDuplicate(), sample);
              return acknowledge(accepted.acknowledgement());
            });
  }

  private Optional<Rejection> checkMediaTypeAndLength(ServerRequest request) {
    if (!isJson(request)) {
      return Optional.of(
          new Rejection(
              RejectionReason.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json"));
    }
    long declared = request.headers().asHttpHeaders().getContentLength();
    return declared > limits.maxBodyBytes() ? Optional.of(tooLarge()) : Optional.empty();
  }

  private static boolean isJson(ServerRequest request) {
    try {
      Optional<MediaType> type = request.headers().contentType();
      return type.isPresent()
          && "application".equals(type.get().getType())
          && ("json".equals(type.get().getSubtype()) || type.get().getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** Reads at most the limit; a longer (e.g. chunked) body fails with DataBufferLimitException. */
  private Mono<byte[]> readBody(ServerRequest request) {
    return DataBufferUtils.join(
            request.body(BodyExtractors.toDataBuffers()), Math.toIntExact(limits.maxBodyBytes()))
        .map(
            buffer -> {
              try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
              } finally {
                DataBufferUtils.release(buffer);
              }
            })
        .defaultIfEmpty(new byte[0]);
  }

  private Rejection tooLarge() {
    return new Rejection(
        RejectionReason.PAYLOAD_TOO_LARGE,
        "body exceeds the limit of " + limits.maxBodyBytes() + " bytes");
  }

  private static Mono<ServerResponse> acknowledge(Acknowledgement ack) {
    return ServerResponse.status(ack.status())
        .contentType(MediaType.parseMediaType(ack.contentType()))
        .bodyValue(ack.body());
  }

  private Mono<ServerResponse> reject(
      ServerRequest request, String providerTag, Rejection rejection, Timer.Sample sample) {
    metrics.rejected(providerTag, rejection.reason(), sample);
    log.warn(
        "Webhook rejected: provider={} reason={} detail={}",
        loggable(request.pathVariable("provider")),
        rejection.reason().code(),
        rejection.detail());
    int status = WebhookStatusCodes.of(rejection.reason());
    Problem problem =
        Problem.of(
            status,
            rejection.reason().code(),
            rejection.reason().title(),
            rejection.detail(),
            request.path());
    return ServerResponse.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }

  /**
   * Our failure, not the caller's (database down, bug): nothing was committed, so the provider may
   * and should retry. 503 tells it so.
   */
  private Mono<ServerResponse> failed(
      ServerRequest request, String provider, Throwable error, Timer.Sample sample) {
    metrics.failed(provider, sample);
    log.error("Webhook intake failed; provider={} will have to retry", provider, error);
    Problem problem =
        Problem.of(
            503,
            "intake_unavailable",
            "Intake unavailable",
            "the callback was not stored; retry later",
            request.path());
    return ServerResponse.status(503)
        .header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }

  private static String loggable(String name) {
    String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > MAX_LOGGED_NAME
        ? printable.substring(0, MAX_LOGGED_NAME) + "..."
        : printable;
  }
}
