package com.paystream.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.testkit.SharedInfrastructure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

  @Test
  void runsPostgreSql17() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();

    assertThat(queryString(postgres.dataSource("postgres"), "select version()"))
        .startsWith("PostgreSQL 17.");
  }

  @Test
  void waitsForTheWalOfEveryCommitSoAKilledServerLosesNothingAcknowledged() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();

    // the embedded server's own default is off: a commit answered before its WAL is written
    assertThat(queryString(postgres.dataSource("postgres"), "show synchronous_commit"))
        .isEqualTo("on");
  }

  @Test
  void keepsTwoDatabasesApart() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();
    DatabaseCoordinates first = postgres.createDatabase(SharedInfrastructure.uniqueName("first"));
    DatabaseCoordinates second = postgres.createDatabase(SharedInfrastructure.uniqueName("second"));

    execute(postgres.dataSource(first.database()), "create table payment (id text primary key)");
    execute(postgres.dataSource(first.database()), "insert into payment values ('pay_1')");

    assertThat(queryString(postgres.dataSource(first.database()), "select id from payment"))
        .isEqualTo("pay_1");
    assertThatThrownBy(
            () -> queryString(postgres.dataSource(second.database()), "select id from payment"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void reusesAnExistingDatabase() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();
    String name = SharedInfrastructure.uniqueName("twice");
    postgres.createDatabase(name);
    execute(postgres.dataSource(name), "create table kept (id int)");

    DatabaseCoordinates again = postgres.createDatabase(name);

    assertThat(
            queryString(postgres.dataSource(again.database()), "select count(*)::text from kept"))
        .isEqualTo("0");
  }

  @Test
  void describesADatabaseForJdbcAndR2dbc() {
    Postgres postgres = SharedInfrastructure.postgres();

    DatabaseCoordinates db = postgres.createDatabase("ledger_coordinates");

    assertThat(db.jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/ledger_coordinates");
    assertThat(db.r2dbcUrl())
        .isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/ledger_coordinates");
    assertThat(db.toString())
        .doesNotContain("password")
        .doesNotContain(db.owner().password())
        .doesNotContain(db.runtime().password());
  }

  @Test
  void givesEachDatabaseAnOwnerAndAPlainRuntimeRole() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();
    DatabaseCoordinates db = postgres.createDatabase(SharedInfrastructure.uniqueName("roles"));

    assertThat(queryString(postgres.dataSource(db.database(), db.owner()), "select current_user"))
        .isEqualTo(db.owner().username());
    assertThat(
            queryString(
                postgres.dataSource(db.database()),
                "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
        .isEqualTo(db.owner().username());
    assertThat(
            queryString(
                postgres.dataSource(db.database()),
                "select concat_ws(',', rolsuper, rolcreatedb, rolcreaterole, rolreplication,"
                    + " rolbypassrls, pg_has_role(oid, '"
                    + db.owner().username()
                    + "', 'member')) from pg_roles where rolname = '"
                    + db.runtime().username()
                    + "'"))
        .isEqualTo("f,f,f,f,f,f");
  }

  @Test
  void refusesARoleWithTheWrongPassword() {
    Postgres postgres = SharedInfrastructure.postgres();
    DatabaseCoordinates db = postgres.createDatabase(SharedInfrastructure.uniqueName("password"));
    DatabaseLogin wrong = new DatabaseLogin(db.runtime().username(), "wrong");

    assertThatThrownBy(() -> queryString(postgres.dataSource(db.database(), wrong), "select 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void namesRolesOfLongDatabaseNamesWithinTheLimit() {
    String longName = "a".repeat(63);

    assertThat(ServiceRoles.roleName(longName, "runtime")).hasSizeLessThanOrEqualTo(63);
    assertThat(ServiceRoles.roleName(longName, "runtime"))
        .isNotEqualTo(ServiceRoles.roleName("a".repeat(62) + "b", "runtime"));
    assertThat(ServiceRoles.roleName("ledger", "runtime")).isEqualTo("ledger_runtime");
  }

  @Test
  void rejectsNamesThatWouldNeedQuoting() {
    Postgres postgres = SharedInfrastructure.postgres();

    assertThatThrownBy(() -> postgres.createDatabase("Robert'); drop table x;--"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsDataAcrossARestartOnTheSameDirectory(@TempDir Path dataDir) throws SQLException {
    try (Postgres postgres = Postgres.start(dataDir, 0)) {
      postgres.createDatabase("kept");
      execute(postgres.dataSource("kept"), "create table entry (id int)");
      execute(postgres.dataSource("kept"), "insert into entry values (42)");
    }

    try (Postgres postgres = Postgres.start(dataDir, 0)) {
      assertThat(queryString(postgres.dataSource("kept"), "select id::text from entry"))
          .isEqualTo("42");
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String queryString(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }
}
