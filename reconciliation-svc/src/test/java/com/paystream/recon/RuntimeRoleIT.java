package com.paystream.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.recon.breaks.persistence.ResolutionAudit;
import com.paystream.recon.matching.Outcome;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.TamperingProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation's runtime role against the real PostgreSQL, migrated as the service migrates it:
 * financial history can be added to and read, and nothing else, whatever way around the triggers
 * the role tries. That the grants are enough is shown by every other integration test of the
 * module, which run the service as this role.
 */
class RuntimeRoleIT {

  static final List<String> FINANCIAL_HISTORY =
      List.of(
          "statement_file",
          "statement_line",
          "break_resolution",
          "audit_record",
          "approval_request",
          "approval_decision");

  private static final Postgres POSTGRES = SharedInfrastructure.postgres();
  private static final DatabaseCoordinates DB =
      POSTGRES.createDatabase(SharedInfrastructure.uniqueName("recon_roles"));

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

  /**
   * Every outcome a break can have, first leg or second, can be resolved: the record of an approved
   * resolution is accepted as the runtime role writes it (a payout break's resolution once failed
   * on the outcome check, after the second operator had approved it).
   */
  @ParameterizedTest
  @MethodSource("breakOutcomes")
  void theResolutionOfABreakOfEveryOutcomeIsRecorded(Outcome outcome) {
    assertThat(resolutions().record(resolution("brk_" + outcome, outcome))).isTrue();
  }

  @Test
  void anAgreementIsNoBreakToResolve() {
    assertThatThrownBy(() -> resolutions().record(resolution("brk_agreed", Outcome.PAYOUT_MATCHED)))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("break_resolution_outcome_check");
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
    assertThat(updatableColumns("outbox"))
        .containsExactlyInAnyOrder(
            "status", "attempts", "next_attempt_at", "published_at", "last_error");
  }

  @Test
  void everyMigrateReappliesTheGrantsAndDropsAnythingElse() throws SQLException {
    asOwner("grant update, delete on break_resolution to " + DB.runtime().username());
    assertThat(
            TamperingProbe.privileges(
                superuser(), DB.runtime().username(), "public", "break_resolution"))
        .contains("UPDATE", "DELETE");

    flyway().migrate();

    assertThat(
            TamperingProbe.privileges(
                superuser(), DB.runtime().username(), "public", "break_resolution"))
        .containsExactly("INSERT", "SELECT");
  }

  @Test
  void theProbeFindsTheWaysInThatASuperuserHas() throws SQLException {
    // The control: the same probe, as the superuser, is not refused (and rolls everything back).
    assertThat(TamperingProbe.notRefused(superuser(), "public", "break_resolution")).isNotEmpty();
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

  static Stream<Outcome> breakOutcomes() {
    return Arrays.stream(Outcome.values())
        .filter(outcome -> !outcome.agreement() && !outcome.awaitingSettlement());
  }

  private static ResolutionAudit resolutions() {
    return new ResolutionAudit(new JdbcTemplate(runtime()));
  }

  private static ResolutionAudit.Entry resolution(String breakId, Outcome outcome) {
    return new ResolutionAudit.Entry(
        UUID.randomUUID(),
        breakId,
        "po_sim_EUR_20261208",
        outcome.name(),
        LocalDate.of(2026, 12, 8),
        "operator:olga",
        "provider confirmed the fee",
        "operator:oscar",
        UUID.randomUUID());
  }

  private static DataSource superuser() {
    return POSTGRES.dataSource(DB.database());
  }
}
