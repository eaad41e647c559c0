package com.paystream.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.SharedInfrastructure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TamperingProbeTest {

  @Test
  void findsEveryWayInForASuperuserAndLeavesTheTableAsItWas() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();
    DatabaseCoordinates db = postgres.createDatabase(SharedInfrastructure.uniqueName("probe"));
    execute(postgres, db, "create table entry (seq bigint generated always as identity, id int)");
    execute(postgres, db, "insert into entry (id) values (1)");

    assertThat(TamperingProbe.notRefused(postgres.dataSource(db.database()), "public", "entry"))
        .hasSize(7)
        .containsValue("accepted");
    assertThat(count(postgres, db)).isEqualTo(1);
  }

  @Test
  void findsNothingForARoleWithOnlyInsertAndSelect() throws SQLException {
    Postgres postgres = SharedInfrastructure.postgres();
    DatabaseCoordinates db = postgres.createDatabase(SharedInfrastructure.uniqueName("probe"));
    execute(postgres, db, "create table entry (id int)");
    execute(postgres, db, "grant select, insert on entry to " + db.runtime().username());

    assertThat(
            TamperingProbe.notRefused(
                postgres.dataSource(db.database(), db.runtime()), "public", "entry"))
        .isEmpty();
  }

  private static void execute(Postgres postgres, DatabaseCoordinates db, String sql)
      throws SQLException {
    try (Connection connection = postgres.dataSource(db.database()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(Postgres postgres, DatabaseCoordinates db) throws SQLException {
    try (Connection connection = postgres.dataSource(db.database()).getConnection();
        Statement statement = connection.createStatement();
        var result = statement.executeQuery("select count(*) from entry")) {
      result.next();
      return result.getLong(1);
    }
  }
}
