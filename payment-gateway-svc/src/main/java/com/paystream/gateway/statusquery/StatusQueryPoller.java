package com.paystream.gateway.statusquery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link StatusQueries} every poll interval, and at once when woken (a lost order was
 * reported). Rounds never overlap within an instance; a failed round is logged and the next one
 * tries again, so the poller never stops.
 */
public final class StatusQueryPoller {

  private static final Logger log = LoggerFactory.getLogger(StatusQueryPoller.class);

  private final StatusQueries queries;
  private final Duration interval;
  private final Sinks.Many<Long> wakeups = Sinks.many().multicast().directBestEffort();
  private volatile Disposable running;

  public StatusQueryPoller(StatusQueries queries, Duration interval) {
    this.queries = queries;
    this.interval = interval;
  }

  public synchronized void start() {
    if (running != null) {
      return;
    }
    running =
        Flux.merge(Flux.interval(interval, Schedulers.parallel()), wakeups.asFlux())
            .onBackpressureLatest()
            .concatMap(tick -> round(), 1)
            .subscribe();
  }

  /** Asks for a round now (coalesced with one already waiting). */
  public void wake() {
    wakeups.tryEmitNext(0L);
  }

  public synchronized void stop() {
    if (running != null) {
      running.dispose();
      running = null;
    }
  }

  public boolean isRunning() {
    return running != null;
  }

  private Mono<Integer> round() {
    return queries
        .drain()
        .onErrorResume(
            error -> {
              log.warn("A round of status queries failed; the next one retries", error);
              return Mono.just(0);
            });
  }
}
