package com.paystream.testkit.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs PostgreSQL for a separate process ({@link PostgresArgs}): a primary, a standby, or a standby
 * recovered to an instant. Creates the named databases if they are missing (not on a standby, which
 * is read-only), prints {@code POSTGRES READY port=N} once it accepts connections (a standby: once
 * it is open for reading), and stops the server (fast shutdown) on SIGTERM or SIGINT.
 *
 * <p>The postmaster is not this JVM's child ({@code pg_ctl} detaches it), so a supervisor watching
 * this process would not see it die. A watchdog does: when the postmaster ends without being asked
 * to, this prints {@code POSTGRES DIED pid=N} and exits with status {@value #POSTMASTER_DIED}, and
 * the supervisor's restart runs PostgreSQL's crash recovery on the same data directory.
 */
public final class PostgresMain {

  /** The exit status when the postmaster died under this process. */
  public static final int POSTMASTER_DIED = 3;

  /** The exit status when the data directory holds no cluster and {@code --if-missing refuse}. */
  public static final int CLUSTER_MISSING = 4;

  private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

  private PostgresMain() {}

  public static void main(String[] args) throws InterruptedException {
    PostgresArgs options = PostgresArgs.parse(args);
    Path dataDir = options.process().dataDir();
    if (options.refuseMissingCluster()
        && (dataDir == null || !Files.exists(dataDir.resolve("PG_VERSION")))) {
      System.out.println(
          "POSTGRES REFUSED: no cluster in "
              + dataDir
              + "; its data is lost, and an empty cluster must not take its place unnoticed:"
              + " restore it (docs/runbooks/restore.md)");
      System.out.flush();
      System.exit(CLUSTER_MISSING);
    }
    Postgres postgres = start(options);
    if (!postgres.isInRecovery()) {
      options.process().databases().forEach(postgres::ensureDatabase);
    }
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (stopping.compareAndSet(false, true)) {
                    postgres.close();
                  }
                  stopped.countDown();
                },
                "postgres-shutdown"));
    watch(postgres.postmasterPid(), stopping);
    System.out.println("POSTGRES READY port=" + postgres.port());
    System.out.flush();
    stopped.await();
  }

  private static Postgres start(PostgresArgs options) {
    if (options.recoverTo() != null) {
      return Standby.recoverTo(
          options.process().dataDir(),
          options.process().port(),
          options.recoverTo(),
          options.walArchive());
    }
    if (options.isStandby()) {
      return Standby.start(
          options.standbyOfHost(),
          options.standbyOfPort(),
          options.primaryDataDir(),
          options.standbyOptions());
    }
    return Postgres.start(options.primaryOptions());
  }

  private static void watch(long pid, AtomicBoolean stopping) {
    Thread watchdog =
        new Thread(
            () -> {
              ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
              while (postmaster != null && postmaster.isAlive()) {
                try {
                  Thread.sleep(WATCH_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
              }
              // Set before exiting so the shutdown hook does not try to stop a dead server.
              if (stopping.compareAndSet(false, true)) {
                System.out.println("POSTGRES DIED pid=" + pid);
                System.out.flush();
                System.exit(POSTMASTER_DIED);
              }
            },
            "postmaster-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
