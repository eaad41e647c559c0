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
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;

/**
 * Two relay instances, the leader a separate process killed with SIGKILL: the standby takes over
 * within seconds (its connection-ending lock release is seen at its next poll, 2 s by default), and
 * what was recorded after the kill is published by it, in order per payment.
 */
class RelayLeaderKilledIT {

  /** The bound this test holds the takeover to: two poll intervals and a batch's round trips. */
  static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RelayLeaderKilledIT.class);

  @Test
  void theStandbyPublishesWithinSecondsOfTheLeadersKill() {
    String prefix = SharedInfrastructure.uniqueName("takeover") + ".";
    GatewayOutbox outbox = GatewayOutbox.create(prefix);
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    TopicCatalogue.ensureCreated(
        bootstrap, (short) 1, RelayConfiguration.used(new TopicNames(prefix)));
    List<String> arguments =
        RelayInstance.arguments(
            bootstrap, outbox.database(), prefix, "--paystream.relay.redelivery-schedule=10m");
    List<Recorded> recorded = new ArrayList<>(outbox.recordInterleaved(20, 5, "simulator"));

    try (RelayProcess leader =
        RelayProcess.start(
            arguments, Path.of("target", "relay-processes", prefix + "leader.log"))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .ignoreException(BadSqlGrammarException.class)
          .until(() -> !leader.isAlive() || outbox.count("status = 'PENDING'") == 0);
      assertThat(leader.isAlive()).as("the leader process runs").isTrue();

      try (ConfigurableApplicationContext standby = RelayInstance.start(arguments)) {
        recorded.addAll(outbox.recordInterleaved(20, 2, "simulator"));
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.count("status = 'PENDING'") == 0);
        assertThat(leaderGauge(standby)).as("the second instance stands by").isZero();

        leader.kill();
        long killedNanos = System.nanoTime();
        List<String> payments = recorded.stream().map(Recorded::paymentId).distinct().toList();
        for (int i = 0; i < payments.size(); i++) {
          recorded.add(outbox.recordOne(payments.get(i), 7, "simulator"));
        }
        await()
            .atMost(TAKEOVER_BOUND)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> outbox.count("status = 'PENDING'") == 0);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedNanos);
        log.atInfo()
            .addKeyValue("takeoverMillis", takeover.toMillis())
            .log("the standby published everything recorded after the leader's kill");

        assertThat(leaderGauge(standby)).as("the standby leads now").isEqualTo(1.0);
        assertAllPublishedInOrder(bootstrap, outbox, recorded);
      }
    }
  }

  private static double leaderGauge(ConfigurableApplicationContext relay) {
    return relay.getBean(MeterRegistry.class).get("relay.leader").gauge().value();
  }
}
