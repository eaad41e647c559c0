package com.paystream.gateway.benchmark;

import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the same PostgreSQL commits when it does nothing else: single-row inserts of a payload as
 * large as a webhook body, each its own transaction (autocommit), at the given concurrency.
 */
final class InsertBaseline {

  private InsertBaseline() {}

  /** Inserts per second over {@code total} inserts spread over {@code concurrency} connections. */
  static double insertsPerSecond(DatabaseCoordinates db, int concurrency, int total, int rowBytes)
      throws Exception {
    try (Connection admin = connect(db);
        Statement statement = admin.createStatement()) {
      statement.execute(
          "create table if not exists baseline_insert"
              + " (id bigint generated always as identity primary key, payload bytea not null)");
    }
    byte[] payload = new byte[rowBytes];
    AtomicInteger remaining = new AtomicInteger(total);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Connection> connections = new ArrayList<>();
      for (int i = 0; i < concurrency; i++) {
        connections.add(connect(db));
      }
      long start = System.nanoTime();
      List<Future<?>> workers = new ArrayList<>();
      for (Connection connection : connections) {
        workers.add(pool.submit(() -> insertUntilDone(connection, payload, remaining)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      for (Connection connection : connections) {
        connection.close();
      }
      return total / seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void insertUntilDone(
      Connection connection, byte[] payload, AtomicInteger remaining) throws Exception {
    try (PreparedStatement insert =
        connection.prepareStatement("insert into baseline_insert (payload) values (?)")) {
      while (remaining.getAndDecrement() > 0) {
        insert.setBytes(1, payload);
        insert.executeUpdate();
      }
    }
    return null;
  }

  private static Connection connect(DatabaseCoordinates db) throws Exception {
    Connection connection =
        DriverManager.getConnection(db.jdbcUrl(), db.owner().username(), db.owner().password());
    connection.setAutoCommit(true);
    return connection;
  }
}
