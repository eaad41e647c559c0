package com.paystream.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class RealInfrastructureExtensionTest {

  private final DatabaseCoordinates constructorDatabase;

  RealInfrastructureExtensionTest(DatabaseCoordinates database) {
    this.constructorDatabase = database;
  }

  @Test
  void resolvesTheSharedBrokerAndDatabaseServer(KafkaBroker kafka, Postgres postgres) {
    assertThat(kafka).isSameAs(SharedInfrastructure.kafka());
    assertThat(postgres).isSameAs(SharedInfrastructure.postgres());
  }

  @Test
  void givesTheTestClassOneDatabaseNamedAfterIt(DatabaseCoordinates database) throws SQLException {
    assertThat(database).isEqualTo(constructorDatabase);
    assertThat(database.database()).startsWith("real_infrastructure_extension_test_");
    try (Connection connection =
        DriverManager.getConnection(
            database.jdbcUrl(), database.owner().username(), database.owner().password())) {
      assertThat(connection.getCatalog()).isEqualTo(database.database());
    }
  }
}
