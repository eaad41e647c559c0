package com.paystream.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The PostgreSQL settings that decide whether a commit survives a crash, as one session sees them
 * ({@code synchronous_commit} may differ per role or session): a benchmark prints them next to its
 * figures, for each side of a comparison, so that nobody compares a durable run with one that is
 * not.
 */
public record DurabilitySettings(String fsync, String synchronousCommit, String fullPageWrites) {

  /** As the session of {@code connection} sees them. */
  public static DurabilitySettings of(Connection connection) throws SQLException {
    return new DurabilitySettings(
        show(connection, "fsync"),
        show(connection, "synchronous_commit"),
        show(connection, "full_page_writes"));
  }

  /** As a new session of {@code login} on the database sees them. */
  public static DurabilitySettings of(DatabaseCoordinates database, DatabaseLogin login) {
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), login.username(), login.password())) {
      return of(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the durability settings of " + database, e);
    }
  }

  /** Whether an acknowledged commit is on disk: every one of the three is on. */
  public boolean durable() {
    return "on".equals(fsync) && "on".equals(synchronousCommit) && "on".equals(fullPageWrites);
  }

  /** {@code fsync=on synchronous_commit=on full_page_writes=on}. */
  @Override
  public String toString() {
    return "fsync=%s synchronous_commit=%s full_page_writes=%s"
        .formatted(fsync, synchronousCommit, fullPageWrites);
  }

  /** The same as JSON members, to put inside a benchmark's JSON line. */
  public String jsonMembers(String prefix) {
    return String.format(
        Locale.ROOT,
        "\"%sfsync\":\"%s\",\"%ssynchronous_commit\":\"%s\",\"%sfull_page_writes\":\"%s\"",
        prefix,
        fsync,
        prefix,
        synchronousCommit,
        prefix,
        fullPageWrites);
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show " + setting)) {
      result.next();
      return result.getString(1);
    }
  }
}
