package com.paystream.local.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The customers' threads, also used to read the books of many payments at once: as many as the
 * settings' concurrency, daemons so that a stuck request never holds the JVM up.
 */
final class Workers implements AutoCloseable {

  private final ExecutorService threads;

  Workers(int concurrency) {
    this.threads =
        Executors.newFixedThreadPool(
            concurrency,
            runnable -> {
              Thread thread = new Thread(runnable, "scenario-customer");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} for every item and waits for all; the first failure wins. */
  <T> void inParallel(Collection<T> items, Consumer<T> task) {
    List<Future<?>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(threads.submit(() -> task.accept(item)));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(f -> f.cancel(true));
        throw new ScenarioFailure("interrupted");
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new ScenarioFailure(e.getCause().toString());
      }
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
