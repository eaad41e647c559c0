package com.paystream.gateway.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.payments.PaymentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class IntakeBatcherTest {

  /** Records the batches it is given and completes each when the test says so. */
  private static final class ControlledWriter implements CallbackBatchWriter {

    final List<List<VerifiedCallback>> batches = new CopyOnWriteArrayList<>();
    final List<Sinks.One<List<RecordOutcome>>> pending = new CopyOnWriteArrayList<>();

    @Override
    public Mono<List<RecordOutcome>> recordAll(List<VerifiedCallback> callbacks) {
      batches.add(callbacks);
      Sinks.One<List<RecordOutcome>> sink = Sinks.one();
      pending.add(sink);
      return sink.asMono();
    }

    void completeBatch(int index) {
      pending.get(index).tryEmitValue(duplicates(batches.get(index)));
    }
  }

  private static List<RecordOutcome> duplicates(List<VerifiedCallback> callbacks) {
    return callbacks.stream()
        .<RecordOutcome>map(c -> new RecordOutcome.Duplicate(c.provider(), c.providerEventId()))
        .toList();
  }

  private static VerifiedCallback callback(int n) {
    return Callbacks.callback("evt_" + n, "pay_" + n, PaymentStatus.SUCCEEDED);
  }

  @Test
  void aCallbackThatFindsAFreeWriterGoesAloneAndAtOnce() {
    ControlledWriter writer = new ControlledWriter();
    IntakeBatcher batcher = new IntakeBatcher(writer, 64, 1 << 20, 1);

    Mono<RecordOutcome> outcome = batcher.record(callback(1)).cache();
    outcome.subscribe();

    assertThat(writer.batches).hasSize(1);
    assertThat(writer.batches.get(0)).hasSize(1);
    writer.completeBatch(0);
    assertThat(outcome.block(Duration.ofSeconds(5)))
        .isEqualTo(new RecordOutcome.Duplicate("simulator", "evt_1"));
  }

  @Test
  void callbacksArrivingWhileTheWriterIsBusyGoTogetherNext() {
    ControlledWriter writer = new ControlledWriter();
    IntakeBatcher batcher = new IntakeBatcher(writer, 64, 1 << 20, 1);
    List<Mono<RecordOutcome>> outcomes = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      Mono<RecordOutcome> outcome = batcher.record(callback(n)).cache();
      outcome.subscribe();
      outcomes.add(outcome);
    }
    assertThat(writer.batches).hasSize(1);

    writer.completeBatch(0);

    assertThat(writer.batches).hasSize(2);
    assertThat(writer.batches.get(1))
        .extracting(VerifiedCallback::providerEventId)
        .containsExactly("evt_1", "evt_2", "evt_3", "evt_4", "evt_5");
    writer.completeBatch(1);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.block(Duration.ofSeconds(5))).isNotNull());
  }

  @Test
  void aSecondBatchStartsBesideASlowOneOnlyOnceItHasRunOverlapAfter() {
    ControlledWriter writer = new ControlledWriter();
    Duration overlapAfter = Duration.ofMillis(300);
    IntakeBatcher batcher =
        new IntakeBatcher(writer, 64, 1 << 20, 2, overlapAfter, new SimpleMeterRegistry());
    long started = System.nanoTime();
    batcher.record(callback(0)).subscribe();
    batcher.record(callback(1)).subscribe();
    batcher.record(callback(2)).subscribe();
    assertThat(writer.batches).hasSize(1);

    // No further arrival: the batcher wakes itself up once the first batch has run overlapAfter.
    await().atMost(Duration.ofSeconds(5)).until(() -> writer.batches.size() == 2);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(overlapAfter);
    assertThat(writer.batches.get(1))
        .extracting(VerifiedCallback::providerEventId)
        .containsExactly("evt_1", "evt_2");
    // Two in flight, the limit: the next waits for one of them, however long they run.
    batcher.record(callback(3)).subscribe();
    await().during(Duration.ofMillis(600)).until(() -> writer.batches.size() == 2);
    writer.completeBatch(0);
    assertThat(writer.batches).hasSize(3);
    assertThat(writer.batches.get(2))
        .extracting(VerifiedCallback::providerEventId)
        .containsExactly("evt_3");
  }

  @Test
  void quickBatchesGoOneAtATimeAndGrowWithTheLoad() {
    ControlledWriter writer = new ControlledWriter();
    IntakeBatcher batcher =
        new IntakeBatcher(
            writer, 64, 1 << 20, 4, Duration.ofSeconds(30), new SimpleMeterRegistry());
    batcher.record(callback(0)).subscribe();
    for (int n = 1; n <= 5; n++) {
      batcher.record(callback(n)).subscribe();
    }
    assertThat(writer.batches).hasSize(1);

    writer.completeBatch(0);

    assertThat(writer.batches).hasSize(2);
    assertThat(writer.batches.get(1)).hasSize(5);
  }

  @Test
  void batchesRespectTheSizeAndByteLimits() {
    ControlledWriter writer = new ControlledWriter();
    IntakeBatcher batcher = new IntakeBatcher(writer, 3, 25, 1);
    batcher.record(callback(0)).subscribe();
    for (int n = 1; n <= 5; n++) {
      batcher.record(callback(n)).subscribe();
    }

    writer.completeBatch(0);

    // 10-byte bodies: the byte limit (25) allows two per batch before the size limit (3) does.
    assertThat(writer.batches.get(1)).hasSize(2);
  }

  @Test
  void aFailedBatchIsRetriedOneByOneSoThatOnlyTheBadCallbackFails() {
    CallbackBatchWriter writer =
        callbacks -> {
          if (callbacks.size() > 1 || callbacks.get(0).providerEventId().equals("evt_poison")) {
            return Mono.error(new IllegalStateException("refused"));
          }
          return Mono.just(duplicates(callbacks));
        };
    ControlledWriter gate = new ControlledWriter();
    IntakeBatcher batcher =
        new IntakeBatcher(
            callbacks -> gate.recordAll(callbacks).then(writer.recordAll(callbacks)),
            64,
            1 << 20,
            1);
    Mono<RecordOutcome> first = batcher.record(callback(0)).cache();
    first.subscribe();
    Mono<RecordOutcome> good = batcher.record(callback(1)).cache();
    Mono<RecordOutcome> poison =
        batcher.record(Callbacks.callback("evt_poison", "pay_x", PaymentStatus.SUCCEEDED)).cache();
    good.subscribe(o -> {}, e -> {});
    poison.subscribe(o -> {}, e -> {});

    gate.completeBatch(0);
    gate.completeBatch(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> gate.pending.size() == 4);
    gate.completeBatch(2);
    gate.completeBatch(3);

    assertThat(good.block(Duration.ofSeconds(5))).isInstanceOf(RecordOutcome.Duplicate.class);
    assertThat(poison.onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5))).isNull();
  }

  @Test
  void underConcurrentLoadEveryCallbackIsWrittenExactlyOnceAndAnswered() throws Exception {
    Set<String> written = ConcurrentHashMap.newKeySet();
    List<String> writtenTwice = new CopyOnWriteArrayList<>();
    CallbackBatchWriter writer =
        callbacks ->
            Mono.fromCallable(
                    () -> {
                      for (VerifiedCallback c : callbacks) {
                        if (!written.add(c.providerEventId())) {
                          writtenTwice.add(c.providerEventId());
                        }
                      }
                      return duplicates(callbacks);
                    })
                .subscribeOn(Schedulers.parallel());
    // Small batches and many writers make takers race each other as often as possible.
    IntakeBatcher batcher = new IntakeBatcher(writer, 2, 1 << 20, 16);
    int threads = 8;
    int perThread = 5_000;
    CountDownLatch answered = new CountDownLatch(threads * perThread);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        pool.submit(
            () -> {
              for (int n = 0; n < perThread; n++) {
                batcher
                    .record(callback(thread * perThread + n))
                    .subscribe(outcome -> answered.countDown());
              }
            });
      }

      assertThat(answered.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(written).hasSize(threads * perThread);
    assertThat(writtenTwice).isEmpty();
  }
}
