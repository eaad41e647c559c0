package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.RelayInstance;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Database credentials come from the environment or from files, never from committed defaults:
 * without them the service does not start, and with them as files (one per variable, as mounted
 * secrets arrive) it connects as the runtime role.
 */
class DatabaseCredentialsIT {

  @TempDir Path secrets;

  @Test
  void refusesToStartWithoutDatabaseCredentials() {
    DatabaseCoordinates db = GatewayOutbox.create(prefix()).database();
    List<String> arguments =
        List.of(
            "--server.port=0",
            "--spring.datasource.url=" + db.jdbcUrl(),
            "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
            "--PAYSTREAM_SECRETS_DIR=" + secrets + "/",
            "--paystream.topics.prefix=" + prefix());

    assertThatThrownBy(() -> RelayInstance.start(arguments).close())
        // Spring leaves the unset placeholder as it is: the login fails and names the variable.
        .hasStackTraceContaining("authentication failed for user \"${RELAY_DB_");
  }

  @Test
  void readsTheCredentialsFromFilesAndConnectsAsTheRuntimeRole() throws IOException {
    DatabaseCoordinates db = GatewayOutbox.create(prefix()).database();
    Files.writeString(secrets.resolve("RELAY_DB_USER"), db.runtime().username());
    Files.writeString(secrets.resolve("RELAY_DB_PASSWORD"), db.runtime().password());
    Files.writeString(secrets.resolve("RELAY_DB_OWNER_USER"), db.owner().username());
    Files.writeString(secrets.resolve("RELAY_DB_OWNER_PASSWORD"), db.owner().password());
    List<String> arguments =
        List.of(
            "--server.port=0",
            "--spring.datasource.url=" + db.jdbcUrl(),
            "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
            "--PAYSTREAM_SECRETS_DIR=" + secrets + "/",
            "--paystream.topics.prefix=" + prefix());

    try (ConfigurableApplicationContext relay = RelayInstance.start(arguments)) {
      JdbcTemplate jdbc = relay.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject("select current_user", String.class))
          .isEqualTo(db.runtime().username());
      assertThat(
              jdbc.queryForObject(
                  "select schema_owner from information_schema.schemata where schema_name = 'relay'",
                  String.class))
          .isEqualTo(db.owner().username());
    }
  }

  private static String prefix() {
    return SharedInfrastructure.uniqueName("credentials") + ".";
  }
}
