package com.paystream.ledger.support;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** A fresh database on the shared PostgreSQL, migrated exactly as the service migrates it. */
public final class LedgerDatabase {

  private final DatabaseCoordinates coordinates;

  private LedgerDatabase(DatabaseCoordinates coordinates) {
    this.coordinates = coordinates;
  }

  public static LedgerDatabase migrated(String prefix) {
    DatabaseCoordinates db =
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName(prefix));
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.username(), db.password())
        .locations("classpath:db/migration", "classpath:db/outbox")
        .load()
        .migrate();
    return new LedgerDatabase(db);
  }

  public DatabaseCoordinates coordinates() {
    return coordinates;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        coordinates.jdbcUrl(), coordinates.username(), coordinates.password());
  }
}
