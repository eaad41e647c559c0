package com.paystream.testkit.postgres;

/** Where a database lives and how to log in, in the shapes JDBC and R2DBC want. */
public record DatabaseCoordinates(
    String host, int port, String database, String username, String password) {

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String r2dbcUrl() {
    return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Leaves the password out, so that coordinates can be logged. */
  @Override
  public String toString() {
    return "DatabaseCoordinates[" + jdbcUrl() + ", username=" + username + "]";
  }
}
