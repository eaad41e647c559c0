package com.paystream.recon.support;

import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test at the shared real broker and a fresh database, with topics, Streams
 * application id and state directory of its own.
 */
public final class ReconInfrastructure {

  private ReconInfrastructure() {}

  /** Registers the properties; returns the topic prefix the test's service uses. */
  public static String register(DynamicPropertyRegistry registry, String testName) {
    String prefix = SharedInfrastructure.uniqueName(testName) + ".";
    DatabaseCoordinates db =
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName("recon"));
    registry.add("spring.datasource.url", db::jdbcUrl);
    // The service connects as the runtime role; Flyway migrates as the owner, as in production.
    registry.add("spring.datasource.username", () -> db.runtime().username());
    registry.add("spring.datasource.password", () -> db.runtime().password());
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> prefix);
    registry.add("paystream.recon.application-id", () -> prefix + "reconciliation-svc");
    registry.add("paystream.recon.state-dir", () -> tempDir(prefix).toString());
    Callers.properties().forEach((key, value) -> registry.add(key, () -> value));
    return prefix;
  }

  /**
   * The test's database as its owner (the Flyway login): the append-only triggers hold for it too,
   * while the service's own (runtime) role is refused before any trigger runs.
   */
  public static JdbcTemplate asOwner(Environment environment) {
    return new JdbcTemplate(
        new DriverManagerDataSource(
            environment.getRequiredProperty("spring.datasource.url"),
            environment.getRequiredProperty("spring.flyway.user"),
            environment.getRequiredProperty("spring.flyway.password")));
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory("recon-state-" + prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
