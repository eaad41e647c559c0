package com.paystream.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.ledger.sealing.SealKeys;
import com.paystream.security.testing.Callers;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.outage.HttpProbe;
import com.paystream.testkit.outage.StoppablePostgres;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.support.Ports;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger on a PostgreSQL of its own that the test stops and starts again: while it is down the
 * ledger is not ready (but alive), and a request that needs the database answers 503
 * database-unavailable within seconds; once it is back the ledger is ready again by itself. The URL
 * names a host that never answers before the real one and asks for the primary, as a deployment
 * with a standby does, so the multi-host form is exercised too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DatabaseOutageIT {

  private static final Duration FAIL_FAST = Duration.ofSeconds(5);
  private static final Duration RECOVERY = Duration.ofSeconds(30);
  private static final KeyPair SEAL_KEYS = SealKeys.generatePair();
  private static final StoppablePostgres POSTGRES = StoppablePostgres.start();

  @LocalServerPort int port;
  private HttpProbe http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    String name = SharedInfrastructure.uniqueName("ledger_outage");
    DatabaseCoordinates db = POSTGRES.server().createDatabase("ledger");
    String url =
        "jdbc:postgresql://127.0.0.1:%d,127.0.0.1:%d/ledger?targetServerType=primary"
            .formatted(Ports.freePort(), POSTGRES.port());
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> db.runtime().username());
    registry.add("spring.datasource.password", () -> db.runtime().password());
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add("paystream.topics.prefix", () -> name + ".");
    registry.add("paystream.ledger.consumer-group", () -> name);
    registry.add("logging.structured.format.console", () -> "");
    Callers.properties().forEach((key, value) -> registry.add(key, () -> value));
    registry.add("paystream.ledger.seal.private-key", () -> SealKeys.pem(SEAL_KEYS.getPrivate()));
    registry.add("paystream.ledger.seal.public-keys", () -> SealKeys.pem(SEAL_KEYS.getPublic()));
  }

  @AfterAll
  static void removeDatabase() {
    POSTGRES.close();
  }

  @BeforeEach
  void connect() {
    http = new HttpProbe(port);
  }

  @Test
  void healthShowsNoDetailsWithoutCredentials() {
    HttpResponse<String> health = http.get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).doesNotContain("components", "details", "brokers", "127.0.0.1");
  }

  @Test
  void notReadyButAliveWhileTheDatabaseIsDownAndReadyAgainOnceItIsBack() {
    String account = "/v1/accounts/" + UUID.randomUUID();
    assertThat(http.status("/actuator/health/readiness")).isEqualTo(200);
    assertThat(http.get(account, Callers.OPERATOR).statusCode()).isEqualTo(404);

    POSTGRES.stop();
    try {
      await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 503);
      assertThat(http.status("/actuator/health/liveness")).isEqualTo(200);

      long startNanos = System.nanoTime();
      HttpResponse<String> refused = http.get(account, Callers.OPERATOR);
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);

      assertThat(took).isLessThan(FAIL_FAST);
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("\"reason\":\"database-unavailable\"");
    } finally {
      POSTGRES.restart();
    }

    await().atMost(RECOVERY).until(() -> http.status("/actuator/health/readiness") == 200);
    assertThat(http.get(account, Callers.OPERATOR).statusCode()).isEqualTo(404);
  }
}
