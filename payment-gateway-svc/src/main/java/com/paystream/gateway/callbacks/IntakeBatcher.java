package com.paystream.gateway.callbacks;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Records callbacks in batches, one transaction per batch, so that concurrent callbacks share a
 * transaction's round trips and its commit flush. Batches form by themselves ("smart batching"): a
 * callback that finds a free writer goes at once, alone; callbacks that arrive while the writers
 * are busy wait for the next free one and go together. So an idle gateway adds no latency, and a
 * busy one amortizes its commits. Each caller's Mono completes only once its batch has committed.
 *
 * <p>A further batch starts beside the ones in flight only once the youngest of them has run for
 * {@code overlapAfter}: while batches are quick, one writer at a time makes them as large as the
 * load allows; when one is slow (a cold JVM, a slow flush, a row lock), the callbacks waiting
 * behind it go in a batch of their own instead of waiting for it, up to {@code
 * maxConcurrentBatches} in flight. An {@code overlapAfter} of zero starts batches as soon as a
 * writer is free.
 *
 * <p>If a batch fails, its callbacks are retried one by one, so that one callback the database
 * refuses cannot fail the others.
 */
public final class IntakeBatcher implements CallbackRecorder {

  private record Pending(VerifiedCallback callback, MonoSink<RecordOutcome> sink) {}

  private final CallbackBatchWriter writer;
  private final DistributionSummary batchSizes;
  private final Timer batchDurations;
  private final int maxBatchSize;
  private final long maxBatchBytes;
  private final int maxConcurrentBatches;
  private final long overlapAfterNanos;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  // Guarded by this.
  private int running;
  private long youngestStartedAt;
  // Whether a wake-up is scheduled for when the youngest batch will have run overlapAfter.
  private boolean wakeUpArmed;

  /** Batches start as soon as a writer is free. */
  public IntakeBatcher(
      CallbackBatchWriter writer, int maxBatchSize, long maxBatchBytes, int maxConcurrentBatches) {
    this(
        writer,
        maxBatchSize,
        maxBatchBytes,
        maxConcurrentBatches,
        Duration.ZERO,
        new SimpleMeterRegistry());
  }

  public IntakeBatcher(
      CallbackBatchWriter writer,
      int maxBatchSize,
      long maxBatchBytes,
      int maxConcurrentBatches,
      Duration overlapAfter,
      MeterRegistry registry) {
    this.writer = Objects.requireNonNull(writer, "writer");
    this.batchSizes =
        DistributionSummary.builder("paystream.intake.batch.size")
            .description("Callbacks recorded per transaction")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.batchDurations =
        Timer.builder("paystream.intake.batch.duration")
            .description("Time to record one batch, transaction included")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    if (maxBatchSize < 1 || maxBatchBytes < 1 || maxConcurrentBatches < 1) {
      throw new IllegalArgumentException("batch limits must be positive");
    }
    if (overlapAfter.isNegative()) {
      throw new IllegalArgumentException("overlapAfter must not be negative");
    }
    this.maxBatchSize = maxBatchSize;
    this.maxBatchBytes = maxBatchBytes;
    this.maxConcurrentBatches = maxConcurrentBatches;
    this.overlapAfterNanos = overlapAfter.toNanos();
  }

  @Override
  public Mono<RecordOutcome> record(VerifiedCallback callback) {
    return Mono.create(
        sink -> {
          queue.add(new Pending(callback, sink));
          drain();
        });
  }

  private void drain() {
    List<Pending> batch;
    while ((batch = nextBatch()) != null) {
      write(batch);
    }
  }

  /**
   * The next batch to write, counted as running; null while the queue is empty, every writer is
   * busy, or the youngest batch in flight has not run for {@code overlapAfter} yet (then a wake-up
   * is scheduled for when it will have). Always at least one callback, however large.
   */
  private synchronized List<Pending> nextBatch() {
    if (queue.isEmpty() || running >= maxConcurrentBatches) {
      return null;
    }
    long now = System.nanoTime();
    if (running > 0) {
      long wait = youngestStartedAt + overlapAfterNanos - now;
      if (wait > 0) {
        wakeUpIn(wait);
        return null;
      }
    }
    List<Pending> batch = new ArrayList<>();
    long bytes = 0;
    Pending next;
    while (batch.size() < maxBatchSize && (next = queue.peek()) != null) {
      bytes += next.callback().rawBody().length;
      if (!batch.isEmpty() && bytes > maxBatchBytes) {
        break;
      }
      batch.add(queue.poll());
    }
    running++;
    youngestStartedAt = now;
    return batch;
  }

  /** Called holding this. */
  private void wakeUpIn(long nanos) {
    if (!wakeUpArmed) {
      wakeUpArmed = true;
      Mono.delay(Duration.ofNanos(nanos))
          .subscribe(
              tick -> {
                synchronized (this) {
                  wakeUpArmed = false;
                }
                drain();
              });
    }
  }

  private void write(List<Pending> batch) {
    batchSizes.record(batch.size());
    Timer.Sample sample = Timer.start();
    Mono.defer(() -> writer.recordAll(batch.stream().map(Pending::callback).toList()))
        .doFinally(
            signal -> {
              sample.stop(batchDurations);
              finished();
            })
        .subscribe(outcomes -> complete(batch, outcomes), error -> failed(batch, error));
  }

  private static void complete(List<Pending> batch, List<RecordOutcome> outcomes) {
    if (outcomes.size() != batch.size()) {
      throw new IllegalStateException(
          outcomes.size() + " outcomes for a batch of " + batch.size() + " callbacks");
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).sink().success(outcomes.get(i));
    }
  }

  /** Retries each callback alone, outside the concurrency limit: a failed batch is rare. */
  private void failed(List<Pending> batch, Throwable error) {
    if (batch.size() == 1) {
      batch.get(0).sink().error(error);
      return;
    }
    for (Pending pending : batch) {
      Mono.defer(() -> writer.recordAll(List.of(pending.callback())))
          .subscribe(
              outcomes -> complete(List.of(pending), outcomes), e -> pending.sink().error(e));
    }
  }

  private void finished() {
    synchronized (this) {
      running--;
    }
    drain();
  }
}
