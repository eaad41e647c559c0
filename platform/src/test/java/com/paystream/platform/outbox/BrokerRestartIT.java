package com.paystream.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The JVM's shared broker stopped and started again under a steady stream of sends: every record
 * sent while it was away arrives once it is back, within a bounded time. The broker restarts in
 * place (same port, same data); the tests of this JVM run one after the other, and each test has it
 * running again before it ends.
 */
class BrokerRestartIT {

  /**
   * How long the broker stays away. Records keep coming meanwhile: rows are committed, and a send
   * waits in the producer's buffer, or in {@code send} itself once the client dropped the cluster's
   * metadata and bootstraps again.
   */
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  /** Records handed over before the restart, and after it before the stream stops. */
  private static final int AFTER = 100;

  /**
   * Longer than the producer's delivery timeout (two minutes) and a send again. Usually every
   * record arrives within seconds of the restart; but a batch the broker refused as out of order
   * around the shutdown may be retried by the client until that timeout (KAFKA-14359) before it
   * fails, and only then can {@link RecoveringProducer} replace the client and the record be sent
   * again.
   */
  private static final Duration DELIVERED_WITHIN = Duration.ofMinutes(3);

  @Test
  void everyRecordSentThroughAReliableProducerArrivesOnceTheBrokerIsBack() throws Exception {
    String topic = SharedInfrastructure.uniqueName("restart");
    TopicKeys.create(bootstrap(), topic, 3);
    Set<String> keys;
    try (Producer<String, byte[]> producer = ReliableProducer.create(bootstrap(), "restart-it");
        SendStream stream = SendStream.start(producer, topic, "r", Duration.ofMillis(5))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> stream.sent() >= AFTER);

      restartUnder(stream::sent, stream::acknowledged);
      stream.stopNewRecords();

      await()
          .atMost(DELIVERED_WITHIN)
          .untilAsserted(
              () ->
                  assertThat(stream.unacknowledged())
                      .as("keys not acknowledged (%d sends failed so far)", stream.failures())
                      .isEmpty());
      keys = stream.keys();
    }
    assertThat(TopicKeys.readUntil(bootstrap(), topic, keys, Duration.ofSeconds(30)))
        .containsAll(keys);
  }

  @Test
  void everyOutboxRowRecordedWhileTheBrokerRestartsIsPublished() throws Exception {
    DataSource dataSource = outboxDatabase();
    String topic = SharedInfrastructure.uniqueName("restart_outbox");
    TopicKeys.create(bootstrap(), topic, 3);
    var settings =
        new OutboxPublisher.Settings(
            "restart", 100, Duration.ofMillis(100), Duration.ofMillis(200));
    Set<String> keys;
    try (Producer<String, byte[]> producer =
            ReliableProducer.create(bootstrap(), "restart-outbox-it");
        OutboxPublisher publisher = OutboxPublisher.publishOnce(dataSource, producer, settings);
        Rows rows = Rows.recordEvery(dataSource, topic, Duration.ofMillis(10))) {
      publisher.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> rows.recorded() >= AFTER);

      restartUnder(rows::recorded, () -> count(dataSource, "status = 'PUBLISHED'"));
      rows.stop();

      await()
          .atMost(DELIVERED_WITHIN)
          .untilAsserted(
              () ->
                  assertThat(count(dataSource, "status = 'PUBLISHED'"))
                      .as("outbox rows published of %d recorded", rows.recorded())
                      .isEqualTo(rows.recorded()));
      keys = rows.keys();
    }
    assertThat(count(dataSource, "status <> 'PUBLISHED'")).isZero();
    assertThat(TopicKeys.readUntil(bootstrap(), topic, keys, Duration.ofSeconds(30)))
        .containsAll(keys);
  }

  /**
   * Stops the shared broker for {@link #OUTAGE}, during which nothing may count as delivered,
   * starts it again, and returns once {@link #AFTER} more records were handed over.
   */
  private static void restartUnder(IntSupplier handedOver, LongSupplier delivered) {
    KafkaBroker broker = SharedInfrastructure.kafka();
    broker.stop();
    try {
      long before = delivered.getAsLong();
      await()
          .during(OUTAGE)
          .atMost(OUTAGE.plusSeconds(10))
          .until(() -> delivered.getAsLong() == before);
    } finally {
      broker.restart();
    }
    int atRestart = handedOver.getAsInt();
    await().atMost(Duration.ofSeconds(60)).until(() -> handedOver.getAsInt() >= atRestart + AFTER);
  }

  private static DataSource outboxDatabase() {
    String database = SharedInfrastructure.uniqueName("restart");
    SharedInfrastructure.postgres().createDatabase(database);
    DataSource dataSource = SharedInfrastructure.postgres().dataSource(database);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/outbox").load().migrate();
    return dataSource;
  }

  private static long count(DataSource dataSource, String condition) {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select count(*) from outbox where " + condition)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the outbox rows", e);
    }
  }

  private static String bootstrap() {
    return SharedInfrastructure.kafka().bootstrapServers();
  }

  /** A row committed to the outbox every interval, as a service records its events. */
  private static final class Rows implements AutoCloseable {

    private final DataSource dataSource;
    private final String topic;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger recorded = new AtomicInteger();

    private Rows(DataSource dataSource, String topic) {
      this.dataSource = dataSource;
      this.topic = topic;
    }

    static Rows recordEvery(DataSource dataSource, String topic, Duration interval) {
      Rows rows = new Rows(dataSource, topic);
      rows.ticks.scheduleAtFixedRate(
          rows::recordOne, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
      return rows;
    }

    private void recordOne() {
      try (Connection c = dataSource.getConnection();
          PreparedStatement st =
              c.prepareStatement(
                  "insert into outbox (message_id, topic, message_key, payload)"
                      + " values (?, ?, ?, ?)")) {
        st.setObject(1, UUID.randomUUID());
        st.setString(2, topic);
        st.setString(3, "o-" + recorded.get());
        st.setBytes(4, new byte[16]);
        st.executeUpdate();
        recorded.incrementAndGet();
      } catch (SQLException e) {
        throw new IllegalStateException("could not record an outbox row", e);
      }
    }

    int recorded() {
      return recorded.get();
    }

    void stop() {
      ticks.shutdown();
      try {
        ticks.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    Set<String> keys() {
      return IntStream.range(0, recorded.get()).mapToObj(i -> "o-" + i).collect(Collectors.toSet());
    }

    @Override
    public void close() {
      ticks.shutdownNow();
    }
  }
}
