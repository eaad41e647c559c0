package com.paystream.relay;

import static com.paystream.relay.support.PublishedInOrder.assertAllPublishedInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.RelayInstance;
import com.paystream.relay.support.RelayProcess;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.testkit.SharedInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * The relay as a separate process, killed with SIGKILL while it drains a backlog of 20,000
 * callbacks over 200 payments, then started again: nothing recorded is lost, first publications
 * keep the order per payment, and the only trace of the kill is a re-sent batch (duplicates, which
 * the ledger deduplicates by message id).
 */
class RelayKilledIT {

  private static final Logger log = LoggerFactory.getLogger(RelayKilledIT.class);

  /**
   * Declared before the first relay starts: its publisher may otherwise race its own topic creation
   * on a slow machine, and this test is about the kill, not about startup.
   */
  private static void createTopics(String bootstrap, String prefix) {
    TopicCatalogue.ensureCreated(
        bootstrap, (short) 1, RelayConfiguration.used(new TopicNames(prefix)));
  }

  @Test
  void aRelayKilledMidBatchLosesNothingAndARestartCarriesOn() {
    String prefix = SharedInfrastructure.uniqueName("killed") + ".";
    GatewayOutbox outbox = GatewayOutbox.create(prefix);
    List<Recorded> recorded = outbox.recordInterleaved(200, 100, "simulator");
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    List<String> arguments =
        RelayInstance.arguments(
            bootstrap, outbox.database(), prefix, "--paystream.relay.redelivery-schedule=10m");
    Path logs = Path.of("target", "relay-processes");
    createTopics(bootstrap, prefix);

    try (RelayProcess first = RelayProcess.start(arguments, logs.resolve(prefix + "first.log"))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(5))
          // Until the relay created its tables, there is no status to count.
          .ignoreException(BadSqlGrammarException.class)
          .until(() -> !first.isAlive() || outbox.count("status = 'PUBLISHED'") >= 1_000);
      first.kill();
    }
    long pendingAfterKill = outbox.count("status = 'PENDING'");
    log.atInfo()
        .addKeyValue("published", recorded.size() - pendingAfterKill)
        .addKeyValue("pending", pendingAfterKill)
        .log("relay killed");
    // The kill must land while the backlog drains, or this test proves nothing.
    assertThat(pendingAfterKill).isPositive();

    try (RelayProcess second = RelayProcess.start(arguments, logs.resolve(prefix + "second.log"))) {
      await().atMost(Duration.ofSeconds(120)).until(() -> outbox.count("status = 'PENDING'") == 0);
      assertAllPublishedInOrder(bootstrap, outbox, recorded);
    }
  }
}
