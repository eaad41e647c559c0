package com.paystream.testkit.postgres;

/**
 * Where a database lives and the two roles a service uses with it, in the shapes JDBC and R2DBC
 * want: the {@link #owner} owns the schema and runs the migrations (Flyway), the {@link #runtime}
 * role is what the service connects with (no superuser, not the owner, only the grants its
 * migrations give it).
 */
public record DatabaseCoordinates(
    String host, int port, String database, DatabaseLogin owner, DatabaseLogin runtime) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Leaves the passwords out, so that coordinates can be logged. */
  @Override
  public String toString() {
    return "DatabaseCoordinates["
        + jdbcUrl()
        + ", owner="
        + owner.username()
        + ", runtime="
        + runtime.username()
        + "]";
  }
}
