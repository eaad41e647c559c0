package com.paystream.local.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child that is restarted when it dies without being asked to, after a {@link RestartBackoff}
 * delay. Every unexpected exit and every restart is logged, and so is readiness after a restart.
 */
public final class SupervisedChild {

  private static final Logger log = LoggerFactory.getLogger(SupervisedChild.class);
  private static final Duration READY_AGAIN_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration READY_POLL = Duration.ofSeconds(1);

  private final ChildSpec spec;
  private final ScheduledExecutorService scheduler;
  private final RestartBackoff backoff = RestartBackoff.standard();
  private ChildProcess current;
  private boolean stopping;
  private int restarts;

  public SupervisedChild(ChildSpec spec, ScheduledExecutorService scheduler) {
    this.spec = spec;
    this.scheduler = scheduler;
  }

  public String name() {
    return spec.name();
  }

  public ChildSpec spec() {
    return spec;
  }

  public synchronized void start() {
    if (stopping) {
      return;
    }
    ChildProcess started = ChildProcess.start(restarts == 0 ? spec : spec.forRestart());
    current = started;
    started.onExit().thenRun(() -> exited(started));
  }

  synchronized ChildProcess current() {
    return current;
  }

  public synchronized boolean isReady() {
    return current != null && current.isReady();
  }

  public synchronized boolean isAlive() {
    return current != null && current.isAlive();
  }

  public synchronized String outputSinceStart() {
    return current == null ? "" : current.outputSinceStart();
  }

  /**
   * Sends {@code signal} (e.g. {@code KILL}, {@code STOP}, {@code CONT}) to the command itself, not
   * its lifeline: a {@code KILL} so sent is a crash the supervisor restarts after, as any other.
   *
   * @return the pid signalled
   * @throws IllegalStateException when the command is not running or the signal cannot be sent
   */
  public long signal(String signal) {
    ProcessHandle command;
    synchronized (this) {
      command = current == null ? null : current.command().orElse(null);
    }
    if (command == null) {
      throw new IllegalStateException(spec.name() + " is not running");
    }
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(command.pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException(
            "kill -" + signal + " " + command.pid() + " (" + spec.name() + ") failed");
      }
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot signal " + spec.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + spec.name(), e);
    }
    return command.pid();
  }

  /** How many times it was restarted after dying unasked. */
  public synchronized int restarts() {
    return restarts;
  }

  /**
   * From now on an exit is final: shutdown has begun, and a child that dies meanwhile (or is
   * stopped by a stray signal) must not come back while the others are being stopped in order.
   */
  public synchronized void stopRestarting() {
    stopping = true;
  }

  /** Stops the child for good (no restart); returns once it has ended. */
  public void stop() {
    ChildProcess toStop;
    synchronized (this) {
      stopping = true;
      toStop = current;
    }
    if (toStop != null) {
      log.info("Stopping {}", spec.name());
      toStop.stop();
      log.info("{} stopped (status {})", spec.name(), ExitStatus.describe(toStop.exitValue()));
    }
  }

  private synchronized void exited(ChildProcess ended) {
    if (stopping || ended != current) {
      return;
    }
    // The command may still run if only its lifeline shell was killed.
    ended.killProcessGroup();
    Duration uptime = Duration.between(ended.startedAt(), Instant.now());
    Duration delay = backoff.nextDelay(uptime);
    restarts++;
    log.warn(
        "{} exited unexpectedly ({}) after {} s; restart #{} in {} s (log {})",
        spec.name(),
        ExitStatus.describe(ended.exitValue()),
        uptime.toSeconds(),
        restarts,
        delay.toSeconds(),
        spec.logFile());
    scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void restart() {
    try {
      start();
      awaitReadyAgain(Instant.now().plus(READY_AGAIN_TIMEOUT));
    } catch (RuntimeException e) {
      log.error("Cannot restart {}", spec.name(), e);
      synchronized (this) {
        if (!stopping) {
          Duration delay = backoff.nextDelay(Duration.ZERO);
          scheduler.schedule(this::restart, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  private void awaitReadyAgain(Instant deadline) {
    synchronized (this) {
      if (stopping || current == null || !current.isAlive()) {
        return;
      }
    }
    if (isReady()) {
      log.info("{} is ready again", spec.name());
    } else if (Instant.now().isAfter(deadline)) {
      log.warn(
          "{} is still not ready {} s after its restart",
          spec.name(),
          READY_AGAIN_TIMEOUT.toSeconds());
    } else {
      scheduler.schedule(
          () -> awaitReadyAgain(deadline), READY_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
