package com.paystream.relay.bench;

import com.paystream.platform.outbox.OutboxHeaders;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.relay.support.GatewayOutbox;
import com.paystream.relay.support.RelayInstance;
import com.paystream.schemas.topics.Topics;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.ProducerDurability;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.DurabilitySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the relay on the test kit's broker and PostgreSQL, in one run:
 *
 * <ol>
 *   <li>commit-to-topic latency at a fixed rate: one callback per transaction, as the gateway
 *       records them; latency is the broker's append time (the topic is created with {@code
 *       LogAppendTime}) minus the row's {@code created_at} (same machine clock), counted after a
 *       warm-up at the same rate;
 *   <li>maximum throughput: a backlog committed at once, timed from its commit until the relay
 *       counted every row as published (broker-acknowledged, delivery state committed);
 *   <li>a raw idempotent {@code acks=all} producer sending the same records (same key, value and
 *       headers) to a topic with the same partitions, timed from the first send to the last ack.
 * </ol>
 *
 * <p>Steps 2 and 3 take turns for a number of rounds, and the median round of each is reported.
 */
public final class RelayBenchmark {

  private RelayBenchmark() {}

  public static String run(
      int backlog, int rate, int warmupSeconds, int seconds, int batchSize, int rounds)
      throws Exception {
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    String prefix = SharedInfrastructure.uniqueName("bench") + ".";
    GatewayOutbox outbox = GatewayOutbox.create(prefix);
    String topic = outbox.callbacksTopic();
    String rawTopic = prefix + "raw";
    createTopics(bootstrap, topic, rawTopic);
    ConfigurableApplicationContext relay =
        RelayInstance.start(
            RelayInstance.arguments(
                bootstrap,
                outbox.database(),
                prefix,
                "--paystream.relay.batch-size=" + batchSize,
                "--management.server.port=-1"));
    try {
      MeterRegistry meters = relay.getBean(MeterRegistry.class);
      awaitPublished(meters, 0, drain(outbox, 2_000));
      // The relay's first seconds at the fixed rate run code the JIT has not compiled yet; a
      // relay runs for days, so these seconds are not counted.
      if (warmupSeconds > 0) {
        latencyAtFixedRate(bootstrap, outbox, topic, rate, warmupSeconds);
      }
      long[] latencies = latencyAtFixedRate(bootstrap, outbox, topic, rate, seconds);
      byte[] payload = samplePayload(outbox);
      // The two drains take turns, so that a stall of the shared machine does not fall on one
      // side only; each side's median round is compared.
      double[] relayRates = new double[rounds];
      double[] rawRates = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        relayRates[round] = relayThroughput(outbox, meters, backlog);
        rawRates[round] = rawThroughput(bootstrap, rawTopic, payload, backlog);
        System.out.printf(
            Locale.ROOT,
            "round %d: relay %.0f/s, raw producer %.0f/s%n",
            round + 1,
            relayRates[round],
            rawRates[round]);
      }
      double relayRate = median(relayRates);
      double rawRate = median(rawRates);
      printDurability(bootstrap, outbox);
      return report(
          rate, seconds, latencies, backlog, batchSize, rounds, relayRate, rawRate, payload);
    } finally {
      relay.close();
    }
  }

  private static void createTopics(String bootstrap, String topic, String rawTopic)
      throws Exception {
    NewTopic callbacks = Topics.PAYMENT_CALLBACKS.newTopic((short) 1);
    Map<String, String> configs = new HashMap<>(callbacks.configs());
    configs.put("message.timestamp.type", "LogAppendTime");
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, callbacks.numPartitions(), (short) 1).configs(configs),
                  new NewTopic(rawTopic, callbacks.numPartitions(), (short) 1)
                      .configs(callbacks.configs())))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static long drain(GatewayOutbox outbox, int rows) {
    outbox.recordInterleaved(rows / 10, 10, "bench");
    return rows;
  }

  private static long[] latencyAtFixedRate(
      String bootstrap, GatewayOutbox outbox, String topic, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    Map<UUID, Long> createdMicros = new ConcurrentHashMap<>(total * 2);
    long[] latencyMicros = new long[total];
    int[] seen = {0};
    CountDownLatch positioned = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () ->
                readLatencies(
                    bootstrap, topic, createdMicros, latencyMicros, seen, total, positioned));
    reader.start();
    // Records published before the reader found the end of the topic would be skipped.
    if (!positioned.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the latency reader found no position on " + topic);
    }
    String payment = "pay-bench-" + UUID.randomUUID();
    byte[] payload = samplePayload(outbox);
    var db = outbox.database();
    try (Connection c =
            DriverManager.getConnection(
                db.jdbcUrl(), db.owner().username(), db.owner().password());
        PreparedStatement insert =
            c.prepareStatement(
                "insert into outbox (message_id, topic, message_key, payload) values (?, ?, ?, ?)"
                    + " returning (extract(epoch from created_at) * 1000000)::bigint")) {
      long start = System.nanoTime();
      long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
      for (int i = 0; i < total; i++) {
        long due = start + i * intervalNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setString(2, topic);
        insert.setString(3, payment + "-" + (i % 200));
        insert.setBytes(4, payload);
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          createdMicros.put(id, rs.getLong(1));
        }
      }
      double actualRate = total / ((System.nanoTime() - start) / 1e9);
      System.out.printf(Locale.ROOT, "recorded %d callbacks at %.0f/s%n", total, actualRate);
    }
    reader.join(TimeUnit.SECONDS.toMillis(120));
    if (seen[0] < total) {
      throw new IllegalStateException("only " + seen[0] + " of " + total + " reached the topic");
    }
    Arrays.sort(latencyMicros);
    return latencyMicros;
  }

  private static void readLatencies(
      String bootstrap,
      String topic,
      Map<UUID, Long> createdMicros,
      long[] latencyMicros,
      int[] seen,
      int total,
      CountDownLatch positioned) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
            10);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (seen[0] < total && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          UUID id =
              UUID.fromString(
                  new String(
                      r.headers().lastHeader(OutboxHeaders.MESSAGE_ID).value(),
                      StandardCharsets.UTF_8));
          Long created = awaitCreated(createdMicros, id);
          if (created != null && seen[0] < total) {
            latencyMicros[seen[0]++] = Math.max(0, r.timestamp() * 1000 - created);
          }
        }
      }
    }
  }

  /** The inserter learns created_at from the insert's answer, a moment after the commit. */
  private static Long awaitCreated(Map<UUID, Long> createdMicros, UUID id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    Long created;
    while ((created = createdMicros.get(id)) == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return created;
  }

  private static double relayThroughput(GatewayOutbox outbox, MeterRegistry meters, int backlog)
      throws Exception {
    double before = published(meters);
    // One transaction: the relay sees the whole backlog at the same moment, at its commit.
    var db = outbox.database();
    try (Connection c =
        DriverManager.getConnection(db.jdbcUrl(), db.owner().username(), db.owner().password())) {
      c.setAutoCommit(false);
      insertBacklog(c, outbox, backlog);
      c.commit();
    }
    long start = System.nanoTime();
    awaitPublished(meters, before, backlog);
    double secondsTaken = (System.nanoTime() - start) / 1e9;
    return backlog / secondsTaken;
  }

  private static void insertBacklog(Connection c, GatewayOutbox outbox, int backlog)
      throws Exception {
    byte[] payload = samplePayload(outbox);
    String topic = outbox.callbacksTopic();
    int chunk = 10_000;
    try (PreparedStatement st =
        c.prepareStatement(
            "insert into outbox (message_id, topic, message_key, payload)"
                + " select gen_random_uuid(), ?, 'pay-backlog-' || (n % 1000), ?"
                + " from generate_series(1, ?) as n")) {
      for (int done = 0; done < backlog; done += chunk) {
        st.setString(1, topic);
        st.setBytes(2, payload);
        st.setInt(3, Math.min(chunk, backlog - done));
        st.executeUpdate();
      }
    }
  }

  private static double rawThroughput(String bootstrap, String topic, byte[] payload, int count)
      throws Exception {
    try (Producer<String, byte[]> producer = ReliableProducer.create(bootstrap, "bench-raw")) {
      // Warm up the connection and metadata, as the relay's producer is warm.
      producer.send(new ProducerRecord<>(topic, "warm", payload)).get();
      long start = System.nanoTime();
      List<Future<RecordMetadata>> acks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(topic, "pay-backlog-" + (i % 1000), payload);
        record
            .headers()
            .add(
                OutboxHeaders.MESSAGE_ID,
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
            .add(OutboxHeaders.DELIVERY_ATTEMPT, "1".getBytes(StandardCharsets.UTF_8));
        acks.add(producer.send(record));
      }
      producer.flush();
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
      return count / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static byte[] samplePayload(GatewayOutbox outbox) {
    return outbox
        .jdbc()
        .queryForObject("select payload from outbox order by seq limit 1", byte[].class);
  }

  private static double published(MeterRegistry meters) {
    return meters.get("relay.published").tag("delivery", "first").counter().count();
  }

  private static void awaitPublished(MeterRegistry meters, double before, long count) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (published(meters) - before < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the relay did not publish " + count + " rows in time");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  /**
   * The settings each side of the ratio ran with: the relay reads its outbox from PostgreSQL (as
   * its runtime role) and publishes with the platform's reliable producer, as the raw side does.
   */
  private static void printDurability(String bootstrap, GatewayOutbox outbox) {
    DatabaseCoordinates db = outbox.database();
    ProducerDurability producer =
        ProducerDurability.of(ReliableProducer.settings(bootstrap, "bench"));
    System.out.printf(
        Locale.ROOT,
        "durability: relay's PostgreSQL %s; relay producer %s; raw producer %s%n",
        DurabilitySettings.of(db, db.runtime()),
        producer,
        producer);
  }

  private static String report(
      int rate,
      int seconds,
      long[] latencies,
      int backlog,
      int batchSize,
      int rounds,
      double relayRate,
      double rawRate,
      byte[] payload) {
    double p50 = percentile(latencies, 0.50);
    double p99 = percentile(latencies, 0.99);
    double max = latencies[latencies.length - 1] / 1000.0;
    double ratio = relayRate / rawRate;
    System.out.printf(
        Locale.ROOT,
        "commit-to-topic latency at %d/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        rate,
        seconds,
        p50,
        p99,
        max);
    System.out.printf(
        Locale.ROOT,
        "backlog of %d (%d-byte records, batch %d), median round: relay %.0f/s,"
            + " raw producer %.0f/s, ratio %.3f%n",
        backlog,
        payload.length,
        batchSize,
        relayRate,
        rawRate,
        ratio);
    String json =
        String.format(
            Locale.ROOT,
            "{\"rate\":%d,\"seconds\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,"
                + "\"backlog\":%d,\"record_bytes\":%d,\"batch_size\":%d,\"rounds\":%d,"
                + "\"relay_per_s\":%.0f,\"raw_producer_per_s\":%.0f,\"ratio\":%.3f}",
            rate,
            seconds,
            p50,
            p99,
            max,
            backlog,
            payload.length,
            batchSize,
            rounds,
            relayRate,
            rawRate,
            ratio);
    System.out.println(json);
    return json;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double percentile(long[] sortedMicros, double q) {
    int index = (int) Math.ceil(q * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
  }
}
