package com.paystream.testkit.postgres;

import com.paystream.testkit.support.ProcessArgs;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL for a separate process: {@code --data-dir DIR --port N [--database NAME]...}.
 * Creates the named databases if they are missing, prints {@code POSTGRES READY port=N} once they
 * accept connections, and stops the server (fast shutdown) on SIGTERM or SIGINT.
 */
public final class PostgresMain {

  private PostgresMain() {}

  public static void main(String[] args) throws InterruptedException {
    ProcessArgs options = ProcessArgs.parse(args);
    Postgres postgres = Postgres.start(options.dataDir(), options.port());
    options.databases().forEach(postgres::createDatabase);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  postgres.close();
                  stopped.countDown();
                },
                "postgres-shutdown"));
    System.out.println("POSTGRES READY port=" + postgres.port());
    System.out.flush();
    stopped.await();
  }
}
