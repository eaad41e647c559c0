package com.paystream.gateway.callbacks;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Records callbacks in batches, one transaction per batch, so that concurrent callbacks share a
 * transaction's round trips and its commit flush. Batches form by themselves ("smart batching"): a
 * callback that finds a free writer goes at once, alone; callbacks that arrive while the writers
 * are busy wait for the next free one and go together. So an idle gateway adds no latency, and a
 * busy one amortizes its commits. Each caller's Mono completes only once its batch has committed.
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
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();

  public IntakeBatcher(
      CallbackBatchWriter writer, int maxBatchSize, long maxBatchBytes, int maxConcurrentBatches) {
    this(writer, maxBatchSize, maxBatchBytes, maxConcurrentBatches, new SimpleMeterRegistry());
  }

  public IntakeBatcher(
      CallbackBatchWriter writer,
      int maxBatchSize,
      long maxBatchBytes,
      int maxConcurrentBatches,
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
    this.maxBatchSize = maxBatchSize;
    this.maxBatchBytes = maxBatchBytes;
    this.maxConcurrentBatches = maxConcurrentBatches;
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
    while (!queue.isEmpty()) {
      int current = running.get();
      if (current >= maxConcurrentBatches) {
        return;
      }
      if (!running.compareAndSet(current, current + 1)) {
        continue;
      }
      List<Pending> batch = take();
      if (batch.isEmpty()) {
        running.decrementAndGet();
        continue;
      }
      write(batch);
    }
  }

  /**
   * Takes up to the size and byte limits; always at least one callback, however large. One taker at
   * a time, so that the element looked at is the element removed.
   */
  private synchronized List<Pending> take() {
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
    return batch;
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
    running.decrementAndGet();
    drain();
  }
}
