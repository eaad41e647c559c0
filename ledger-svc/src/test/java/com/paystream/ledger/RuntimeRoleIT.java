package com.paystream.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.TamperingProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The ledger's runtime role against the real PostgreSQL, migrated as the service migrates it:
 * financial history can be added to and read, and nothing else, whatever way around the triggers
 * the role tries. That the grants are enough is shown by every other integration test of the
 * module, which run the service as this role.
 */
class RuntimeRoleIT {

  static final List<String> FINANCIAL_HISTORY =
      List.of(
          "journal_entry",
          "posting",
          "processed_event",
          "parked_command",
          "account_balance_snapshot",
          "trial_balance",
          "hold_settlement",
          "day_close",
          "audit_record",
          "approval_request",
          "approval_decision",
          "merchant_payout",
          "merchant_payout_settlement",
          "merchant_bank_details",
          "merchant_bank_details_approval");

  private static final Postgres POSTGRES = SharedInfrastructure.postgres();
  private static final DatabaseCoordinates DB =
      POSTGRES.createDatabase(SharedInfrastructure.uniqueName("ledger_roles"));

  @BeforeAll
  static void migrate() {
    flyway().migrate();
  }

  @ParameterizedTest
  @FieldSource("FINANCIAL_HISTORY")
  void runtimeRoleCannotRewriteFinancialHistory(String table) throws SQLException {
    assertThat(TamperingProbe.notRefused(runtime(), "public", table)).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("FINANCIAL_HISTORY")
  void runtimeRoleMayOnlyInsertAndSelectFinancialHistory(String table) throws SQLException {
    assertThat(TamperingProbe.privileges(superuser(), DB.runtime().username(), "public", table))
        .containsExactly("INSERT", "SELECT");
  }

  @Test
  void runtimeRoleCannotTouchTheMigrationHistory() throws SQLException {
    assertThat(
            TamperingProbe.privileges(
                superuser(), DB.runtime().username(), "public", "flyway_schema_history"))
        .isEmpty();
  }

  @Test
  void runtimeRoleUpdatesOnlyTheColumnsTheCodeMoves() throws SQLException {
    assertThat(updatableColumns("account"))
        .containsExactlyInAnyOrder(
            "available_minor", "frozen_minor", "last_sequence", "last_posted_at", "version");
    assertThat(updatableColumns("outbox"))
        .containsExactlyInAnyOrder(
            "status", "attempts", "next_attempt_at", "published_at", "last_error");
    // Coordination, not history: an instance takes a partition by moving its epoch.
    assertThat(updatableColumns("partition_owner"))
        .containsExactlyInAnyOrder("epoch", "owner", "since");
  }

  @Test
  void holdsCanBeLockedButTheirTriggerRefusesEveryChange() throws SQLException {
    // UPDATE (id) is granted only because a row lock needs it; the append-only trigger stays.
    assertThat(TamperingProbe.notRefused(runtime(), "public", "hold"))
        .containsOnlyKeys("update \"public\".\"hold\" set \"id\" = \"id\"")
        .allSatisfy((sql, outcome) -> assertThat(outcome).startsWith("LD001"));
  }

  @Test
  void everyMigrateReappliesTheGrantsAndDropsAnythingElse() throws SQLException {
    asOwner("grant update, delete on posting to " + DB.runtime().username());
    assertThat(TamperingProbe.privileges(superuser(), DB.runtime().username(), "public", "posting"))
        .contains("UPDATE", "DELETE");

    flyway().migrate();

    assertThat(TamperingProbe.privileges(superuser(), DB.runtime().username(), "public", "posting"))
        .containsExactly("INSERT", "SELECT");
  }

  @Test
  void theProbeFindsTheWaysInThatASuperuserHas() throws SQLException {
    // The control: the same probe, as the superuser, is not refused (and rolls everything back).
    assertThat(TamperingProbe.notRefused(superuser(), "public", "posting")).isNotEmpty();
  }

  private static Set<String> updatableColumns(String table) throws SQLException {
    try (Connection connection = superuser().getConnection();
        var query =
            connection.prepareStatement(
                "select attname from pg_attribute where attrelid = ?::regclass and attnum > 0"
                    + " and not attisdropped and has_column_privilege(?, attrelid, attnum,"
                    + " 'UPDATE')")) {
      query.setString(1, table);
      query.setString(2, DB.runtime().username());
      Set<String> columns = new java.util.TreeSet<>();
      try (var result = query.executeQuery()) {
        while (result.next()) {
          columns.add(result.getString(1));
        }
      }
      return columns;
    }
  }

  private static Flyway flyway() {
    return Flyway.configure()
        .dataSource(DB.jdbcUrl(), DB.owner().username(), DB.owner().password())
        .locations("classpath:db/migration", "classpath:db/outbox")
        .placeholders(Map.of("runtime_role", DB.runtime().username()))
        .load();
  }

  private static void asOwner(String sql) throws SQLException {
    try (Connection connection = POSTGRES.dataSource(DB.database(), DB.owner()).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static DataSource runtime() {
    return POSTGRES.dataSource(DB.database(), DB.runtime());
  }

  private static DataSource superuser() {
    return POSTGRES.dataSource(DB.database());
  }
}
