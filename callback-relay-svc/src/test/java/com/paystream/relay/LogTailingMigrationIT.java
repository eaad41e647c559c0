package com.paystream.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.GatewayOutbox.Recorded;
import com.paystream.relay.support.RelayInstance;
import com.paystream.relay.support.TopicReader;
import com.paystream.testkit.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Upgrading a relay of the status-claim design (relay V3, delivery state in the outbox rows) to log
 * tailing (V4) while messages are still moving: each carries its state over. A message never
 * published goes out before anything recorded after the upgrade (order per payment holds across the
 * switch); one waiting for the ledger is re-delivered when due, as its next attempt; a confirmed or
 * dead one is not published again.
 */
class LogTailingMigrationIT {

  private static final String PROVIDER = "migration";

  @Test
  void messagesInFlightAtTheUpgradeKeepTheirDeliveryState() {
    String prefix = SharedInfrastructure.uniqueName("migration") + ".";
    GatewayOutbox outbox = GatewayOutbox.create(prefix);
    var db = outbox.database();
    // As a V3 relay migrated (it had no grants file): the callbacks of this version would grant on
    // tables V4 creates.
    Flyway.configure()
        .dataSource(db.jdbcUrl(), db.owner().username(), db.owner().password())
        .skipDefaultCallbacks(true)
        .schemas("relay")
        .defaultSchema("relay")
        .locations("classpath:db/migration")
        .target("3")
        .load()
        .migrate();

    // What a V3 relay left behind, for two payments.
    String paymentA = "pay-" + UUID.randomUUID();
    String paymentB = "pay-" + UUID.randomUUID();
    Recorded confirmed = outbox.recordOne(paymentA, 0, PROVIDER);
    Recorded waiting = outbox.recordOne(paymentA, 1, PROVIDER);
    Recorded neverPublished = outbox.recordOne(paymentA, 2, PROVIDER);
    Recorded dead = outbox.recordOne(paymentB, 0, PROVIDER);
    var jdbc = outbox.jdbc();
    jdbc.update(
        "update outbox set status = 'CONFIRMED', attempts = 1, published_at = now(),"
            + " confirmed_at = now(), next_attempt_at = 'infinity' where message_id = ?",
        confirmed.messageId());
    jdbc.update(
        "insert into relay.confirmation (message_id, ledger_event_id, verdict, detail)"
            + " values (?, ?, 'APPLIED', 'POSTED')",
        confirmed.messageId(),
        UUID.randomUUID());
    jdbc.update(
        "update outbox set status = 'PUBLISHED', attempts = 1, published_at = now() - interval"
            + " '1 minute', next_attempt_at = now() - interval '1 second' where message_id = ?",
        waiting.messageId());
    jdbc.update(
        "update outbox set status = 'DEAD', attempts = 6, published_at = now(),"
            + " last_error = 'RETRIES_EXHAUSTED', next_attempt_at = 'infinity'"
            + " where message_id = ?",
        dead.messageId());

    ConfigurableApplicationContext relay =
        RelayInstance.start(
            RelayInstance.arguments(
                SharedInfrastructure.kafka().bootstrapServers(),
                db,
                prefix,
                "--paystream.relay.redelivery-schedule=1h,1h",
                "--paystream.relay.poll-interval=200ms",
                "--management.server.port=-1"));
    try (TopicReader reader =
        new TopicReader(SharedInfrastructure.kafka().bootstrapServers(), outbox.callbacksTopic())) {
      Recorded afterUpgrade = outbox.recordOne(paymentA, 3, PROVIDER);

      List<ConsumerRecord<String, byte[]>> published =
          reader.readUntilAllSeen(
              Set.of(waiting.messageId(), neverPublished.messageId(), afterUpgrade.messageId()),
              Duration.ofSeconds(60));

      Map<UUID, List<String>> attemptsById =
          published.stream()
              .collect(
                  Collectors.groupingBy(
                      TopicReader::messageId,
                      Collectors.mapping(
                          r -> TopicReader.header(r, OutboxHeaders.DELIVERY_ATTEMPT),
                          Collectors.toList())));
      assertThat(attemptsById.get(waiting.messageId())).first().isEqualTo("2");
      assertThat(attemptsById.get(neverPublished.messageId())).first().isEqualTo("1");
      assertThat(attemptsById).doesNotContainKeys(confirmed.messageId(), dead.messageId());
      assertThat(TopicReader.firstOccurrencesByKey(published).get(paymentA))
          .containsSubsequence(neverPublished.messageId(), afterUpgrade.messageId());
      assertThat(outbox.status(confirmed.messageId())).isEqualTo("CONFIRMED");
      assertThat(outbox.status(dead.messageId())).isEqualTo("DEAD");
      assertThat(outbox.status(waiting.messageId())).isEqualTo("PUBLISHED");
    } finally {
      relay.close();
    }
  }
}
