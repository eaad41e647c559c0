package com.paystream.gateway.benchmark;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Sends pre-signed webhooks over HTTP, either as fast as a fixed concurrency allows or paced. */
final class WebhookLoad implements AutoCloseable {

  /**
   * The thread pool the load client's HTTP client runs on (reactor-netty's default loop resources),
   * whose CPU is not the service's.
   */
  static final String CLIENT_THREADS = "reactor-http-epoll";

  /** A webhook ready to send: signing happens before the clock starts. */
  record SignedWebhook(Map<String, String> headers, byte[] body) {}

  private final ConnectionProvider connections;
  private final HttpClient http;

  WebhookLoad(String baseUrl, int maxConnections) {
    this.connections =
        ConnectionProvider.builder("webhook-load")
            .maxConnections(maxConnections)
            .pendingAcquireMaxCount(-1)
            .build();
    this.http = HttpClient.create(connections).baseUrl(baseUrl).keepAlive(true);
  }

  /** Closed loop: {@code concurrency} requests in flight at all times until all are sent. */
  LoadResult closedLoop(List<SignedWebhook> webhooks, int concurrency) {
    long[] latencies = new long[webhooks.size()];
    AtomicInteger accepted = new AtomicInteger();
    long start = System.nanoTime();
    Flux.range(0, webhooks.size())
        .flatMap(
            i -> {
              long sent = System.nanoTime();
              return send(webhooks.get(i))
                  .doOnNext(
                      status -> {
                        latencies[i] = System.nanoTime() - sent;
                        if (status / 100 == 2) {
                          accepted.incrementAndGet();
                        }
                      });
            },
            concurrency)
        .blockLast(Duration.ofMinutes(10));
    return new LoadResult(
        webhooks.size(), accepted.get(), (System.nanoTime() - start) / 1e9, latencies);
  }

  /**
   * Open loop at {@code perSecond}: request i is due at start + i/rate, and its latency counts from
   * when it was due, so a stalled server cannot hide its queueing (no coordinated omission).
   */
  LoadResult paced(List<SignedWebhook> webhooks, int perSecond) {
    long[] latencies = new long[webhooks.size()];
    AtomicInteger accepted = new AtomicInteger();
    long intervalNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    Flux.interval(Duration.ofNanos(intervalNanos))
        .onBackpressureBuffer()
        .take(webhooks.size())
        .flatMap(
            tick -> {
              int i = tick.intValue();
              long due = start + (i + 1) * intervalNanos;
              return send(webhooks.get(i))
                  .doOnNext(
                      status -> {
                        latencies[i] = System.nanoTime() - due;
                        if (status / 100 == 2) {
                          accepted.incrementAndGet();
                        }
                      });
            },
            4096)
        .blockLast(Duration.ofMinutes(10));
    return new LoadResult(
        webhooks.size(), accepted.get(), (System.nanoTime() - start) / 1e9, latencies);
  }

  private Mono<Integer> send(SignedWebhook webhook) {
    return http.headers(
            headers -> {
              headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
              webhook.headers().forEach(headers::set);
            })
        .post()
        .uri("/v1/webhooks/simulator")
        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(webhook.body())))
        .responseSingle((response, body) -> body.then(Mono.just(response.status().code())));
  }

  @Override
  public void close() {
    connections.disposeLater().block(Duration.ofSeconds(10));
  }
}
