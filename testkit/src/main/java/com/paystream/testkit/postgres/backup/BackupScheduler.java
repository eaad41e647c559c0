package com.paystream.testkit.postgres.backup;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link BackupPolicy} on a timer: every check commits a commit mark (so the restorable
 * range advances between backups), takes the backup that is due, if any, and applies retention
 * after it. One thread; a check that fails is logged and the next one runs as planned.
 */
public final class BackupScheduler implements AutoCloseable {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

  /** What the scheduler asks of the primary; {@link BackupTaker} in production. */
  public interface Backups {
    BackupManifest take(BackupKind kind);

    CommitMark mark();
  }

  private final BackupArchive archive;
  private final BackupPolicy policy;
  private final Clock clock;
  private final Backups backups;
  private ScheduledExecutorService executor;

  public BackupScheduler(BackupArchive archive, BackupPolicy policy, Clock clock, Backups backups) {
    this.archive = archive;
    this.policy = policy;
    this.clock = clock;
    this.backups = backups;
  }

  /** Checks now and then every {@code interval}, until {@link #close()}. */
  public synchronized BackupScheduler start(Duration interval) {
    if (executor != null) {
      throw new IllegalStateException("the backup scheduler is already running");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "backup-scheduler");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::checkLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    log.info("Backup scheduler started for {} (every {}, {})", archive.root(), interval, policy);
    return this;
  }

  /**
   * One check: a commit mark, the due backup, retention after it. Returns the backup taken, if any.
   */
  public Optional<BackupManifest> check() {
    backups.mark();
    Optional<BackupKind> due = policy.due(clock.instant(), archive.read());
    if (due.isEmpty()) {
      return Optional.empty();
    }
    BackupManifest taken = backups.take(due.get());
    RetentionPlan plan = policy.retention(clock.instant(), archive.read());
    archive.apply(plan);
    log.info(
        "Backup {} taken; retention removed {} backups and {} WAL files",
        taken.id(),
        plan.backupIds().size(),
        plan.walFiles().size());
    return Optional.of(taken);
  }

  private void checkLogged() {
    try {
      check();
    } catch (RuntimeException e) {
      // A failing check must not end the schedule (the executor would drop every later run).
      log.error("Backup check failed; trying again at the next one", e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("The backup scheduler did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
    log.info("Backup scheduler for {} stopped", archive.root());
  }
}
