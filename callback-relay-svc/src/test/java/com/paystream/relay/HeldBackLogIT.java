package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.RelayInstance;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A callback committed while a transaction that began before it is still running (here in another
 * database of the same server, as the ledger's are in the local stack) waits for that transaction:
 * the relay may not read past it. That transaction's end notifies nothing, so the relay looks again
 * within milliseconds rather than at its next poll, which is set far away here (30 s).
 */
class HeldBackLogIT {

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);

  private static GatewayOutbox outbox;
  private static DatabaseCoordinates elsewhere;
  private static ConfigurableApplicationContext relay;

  @BeforeAll
  static void relayThatPollsRarely() {
    String prefix = SharedInfrastructure.uniqueName("held_back") + ".";
    outbox = GatewayOutbox.create(prefix);
    elsewhere =
        SharedInfrastructure.postgres().createDatabase(SharedInfrastructure.uniqueName("other"));
    relay =
        RelayInstance.start(
            RelayInstance.arguments(
                SharedInfrastructure.kafka().bootstrapServers(),
                outbox.database(),
                prefix,
                "--paystream.relay.poll-interval=" + POLL_INTERVAL.toSeconds() + "s",
                "--paystream.relay.redelivery-schedule=10m"));
    // The relay publishes what was recorded before the test: it is up and leading.
    Recorded warmUp = outbox.recordOne("pay-warm-up", 0, "simulator");
    await().atMost(Duration.ofSeconds(30)).until(() -> published(warmUp));
  }

  @AfterAll
  static void stop() {
    if (relay != null) {
      relay.close();
    }
  }

  @Test
  void aCallbackHeldBackByAnotherDatabasesTransactionIsPublishedSoonAfterItEnds() throws Exception {
    Recorded callback;
    try (Connection other =
        DriverManager.getConnection(
            elsewhere.jdbcUrl(), elsewhere.owner().username(), elsewhere.owner().password())) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("select pg_current_xact_id()"); // takes a transaction id: xmin stays below it
      }
      callback = outbox.recordOne("pay-held", 0, "simulator");

      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !published(callback));
      other.commit();
    }

    await()
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () ->
                assertThat(outbox.status(callback.messageId()))
                    .as("published soon after the transaction holding it back ended")
                    .isEqualTo("PUBLISHED"));
  }

  private static boolean published(Recorded recorded) {
    return "PUBLISHED".equals(outbox.status(recorded.messageId()));
  }
}
