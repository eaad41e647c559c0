package com.paystream.platform.outbox;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One named daemon thread that runs a publisher's loop until {@link #close()}: the loop checks
 * {@link #running()} between turns, and close interrupts it (waking a notification wait) and waits
 * up to 30 seconds for it to end. Started at most once at a time; start after close runs it anew.
 */
final class WorkerThread implements AutoCloseable {

  private final String name;
  private final Runnable loop;
  private volatile boolean running;
  private Thread thread;

  WorkerThread(String name, Runnable loop) {
    this.name = Objects.requireNonNull(name, "name");
    this.loop = Objects.requireNonNull(loop, "loop");
  }

  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** False once close began (and before the first start): the loop should end its turn. */
  boolean running() {
    return running;
  }

  @Override
  public synchronized void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }
}
