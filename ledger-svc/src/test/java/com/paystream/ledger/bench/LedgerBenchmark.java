package com.paystream.ledger.bench;

import static org.awaitility.Awaitility.await;

import com.paystream.ledger.LedgerApplication;
import com.paystream.ledger.accounts.AccountSpec;
import com.paystream.ledger.booking.BatchInput;
import com.paystream.ledger.booking.BatchPlan;
import com.paystream.ledger.booking.BatchPlanner;
import com.paystream.ledger.booking.InboundRecord;
import com.paystream.ledger.booking.OutboxMessage;
import com.paystream.ledger.booking.SourceRef;
import com.paystream.ledger.booking.persistence.JdbcBookingStore;
import com.paystream.ledger.journal.AccountState;
import com.paystream.ledger.payments.CallbackReceived;
import com.paystream.ledger.payments.FeePolicy;
import com.paystream.ledger.payments.MessageMeta;
import com.paystream.ledger.payments.PaymentPosition;
import com.paystream.ledger.payments.PostingRules;
import com.paystream.ledger.payments.ReportedStatus;
import com.paystream.ledger.publishing.LedgerEventComposer;
import com.paystream.ledger.publishing.LedgerTopics;
import com.paystream.ledger.support.Callbacks;
import com.paystream.ledger.support.LedgerDatabase;
import com.paystream.platform.ids.AccountId;
import com.paystream.platform.outbox.RecoveringProducer;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroSerializer;
import com.paystream.schemas.serde.SubjectNameStrategy;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.ProducerDurability;
import com.paystream.testkit.kafka.Resends;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.DurabilitySettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies N succeeded callbacks from the topic through to committed journal entries (three postings
 * each) and reports entries per second; then, in the same run and on the same PostgreSQL, writes
 * the same rows directly in batches of the same size with the same statements (no Kafka, no
 * decoding, no dedupe lookup or locking reads) and reports that rate and the ratio. The last line
 * is JSON.
 *
 * <p>Run by {@link LedgerBenchmarkTest}: {@code ./mvnw -o -q -pl ledger-svc test
 * -Dtest=LedgerBenchmarkTest -Dledger.benchmark=100000} (optionally {@code
 * -Dledger.benchmark.batch=1000 -Dledger.benchmark.publish=true} to run the outbox publisher during
 * the pipeline run; it is off by default, the figure being callbacks to committed entries).
 */
public final class LedgerBenchmark {

  private static final int MERCHANTS = 1_000;

  /**
   * Entries of the warm-up round (fewer when the measured round is smaller): enough batches for the
   * JIT compiler to compile the booking path, so that neither side of the ratio pays for it (the
   * direct writes run second, on code the pipeline already compiled).
   */
  static final int DEFAULT_WARMUP = 10_000;

  private LedgerBenchmark() {}

  /**
   * Runs a warm-up round of {@code warmup} entries (both sides, on databases and topics of their
   * own, not counted; none when 0), then the measured round of {@code n}, and returns the measured
   * round's JSON summary line (also printed).
   */
  public static String run(int n, int batch, boolean publish, int warmup) throws Exception {
    if (warmup > 0) {
      log("warm-up round: %,d entries, not counted", warmup);
      Rates rates = round(warmup, batch, publish);
      log(
          "warm-up round: pipeline %,.0f entries/s, direct %,.0f entries/s",
          rates.pipeline(), rates.direct());
      log("measured round: %,d entries", n);
    }
    Rates measured = round(n, batch, publish);
    return report(n, batch, publish, warmup, measured);
  }

  /** Entries per second through the pipeline and written directly, and their databases. */
  private record Rates(
      double pipeline,
      double direct,
      DatabaseCoordinates pipelineDb,
      DatabaseCoordinates directDb) {}

  private static Rates round(int n, int batch, boolean publish) throws Exception {
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();

    String pipelineName = SharedInfrastructure.uniqueName("bench_pipeline");
    DatabaseCoordinates pipelineDb = SharedInfrastructure.postgres().createDatabase(pipelineName);
    String prefix = pipelineName + ".";
    LedgerTopics topics = LedgerTopics.withPrefix(prefix);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCatalogue.ensureCreated(admin, (short) 1, topics.owned());
    }
    log("producing %,d callbacks to %s", n, topics.callbacks());
    produce(bootstrap, topics, n);

    log(
        "pipeline: consuming in batches of up to %,d (outbox publisher %s)",
        batch, publish ? "on" : "off");
    double pipelineRate =
        runPipeline(bootstrap, pipelineDb, prefix, pipelineName, n, batch, publish);

    DatabaseCoordinates directDb =
        SharedInfrastructure.postgres()
            .createDatabase(SharedInfrastructure.uniqueName("bench_direct"));
    double directRate = runDirect(directDb, topics, n, batch);
    return new Rates(pipelineRate, directRate, pipelineDb, directDb);
  }

  private static String report(int n, int batch, boolean publish, int warmup, Rates rates)
      throws SQLException {
    double pipelineRate = rates.pipeline();
    double directRate = rates.direct();
    double ratio = pipelineRate / directRate;
    // Both sides of the ratio as the service's role sees them (synchronous_commit may be per role).
    DurabilitySettings pipelineDurability =
        DurabilitySettings.of(rates.pipelineDb(), rates.pipelineDb().runtime());
    DurabilitySettings directDurability =
        DurabilitySettings.of(rates.directDb(), rates.directDb().runtime());
    String bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    ProducerDurability producerDurability = ProducerDurability.of(producerConfig(bootstrap));
    // The ledger's own outbox producer, which the pipeline runs only with the publisher on.
    ProducerDurability outboxDurability =
        ProducerDurability.of(ReliableProducer.settings(bootstrap, "bench"));
    log(
        "durability: pipeline PostgreSQL %s; direct PostgreSQL %s; callback producer %s;"
            + " ledger outbox producer %s (%s)",
        pipelineDurability,
        directDurability,
        producerDurability,
        outboxDurability,
        publish ? "publishing" : "not running");
    log(
        "pipeline: %,.0f entries/s; direct batch writes: %,.0f entries/s; ratio %.2f",
        pipelineRate, directRate, ratio);
    String json =
        String.format(
            Locale.ROOT,
            "{\"entries\":%d,\"batch\":%d,\"warmup_entries\":%d,\"outboxPublisher\":%b,"
                + "\"pipelineEntriesPerSecond\":%.0f,"
                + "\"directEntriesPerSecond\":%.0f,\"ratio\":%.3f,\"cores\":%d,%s,%s,"
                + "\"producer_acks\":\"%s\",\"producer_idempotence\":%b}",
            n,
            batch,
            warmup,
            publish,
            pipelineRate,
            directRate,
            ratio,
            Runtime.getRuntime().availableProcessors(),
            pipelineDurability.jsonMembers("pipeline_"),
            directDurability.jsonMembers("direct_"),
            producerDurability.acks(),
            producerDurability.idempotence());
    System.out.println(json);
    return json;
  }

  private static void produce(String bootstrap, LedgerTopics topics, int n) throws Exception {
    AvroSerializer<SpecificRecord> serializer =
        new AvroSerializer<>(
            PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName(topics.prefix()));
    // A client that can no longer deliver is replaced, and a failed send is sent again: a callback
    // lost here would leave the pipeline waiting for it until the run times out.
    try (Producer<byte[], byte[]> producer =
        new RecoveringProducer<>(
            "bench-callbacks",
            () ->
                new KafkaProducer<>(
                    producerConfig(bootstrap),
                    new ByteArraySerializer(),
                    new ByteArraySerializer()))) {
      Resends<byte[], byte[]> resends =
          new Resends<>((format, args) -> System.out.printf(format + "%n", args));
      for (int i = 0; i < n; i++) {
        PaymentCallback callback =
            PaymentCallback.newBuilder(Callbacks.succeeded("bench-" + i, 1_000 + i % 9_000))
                .setMerchantId("m-" + (i % MERCHANTS))
                .build();
        resends.send(
            producer,
            new ProducerRecord<>(
                topics.callbacks(),
                callback.getPaymentId().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topics.callbacks(), callback)));
      }
      resends.complete(producer, "the callbacks");
    }
  }

  /** The callbacks' producer: the client's defaults for acks and idempotence (printed). */
  private static Map<String, Object> producerConfig(String bootstrap) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap,
        ProducerConfig.LINGER_MS_CONFIG,
        20,
        ProducerConfig.BATCH_SIZE_CONFIG,
        512 * 1024,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4");
  }

  private static double runPipeline(
      String bootstrap,
      DatabaseCoordinates db,
      String prefix,
      String group,
      int n,
      int batch,
      boolean publish)
      throws InterruptedException, SQLException {
    // Command-line arguments: they win over application.yml (default properties would not).
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("spring.flyway.user", db.owner().username());
    settings.put("spring.flyway.password", db.owner().password());
    settings.putAll(
        Map.of(
            "spring.kafka.bootstrap-servers",
            bootstrap,
            "spring.datasource.url",
            db.jdbcUrl(),
            "spring.datasource.username",
            db.runtime().username(),
            "spring.datasource.password",
            db.runtime().password(),
            "paystream.topics.prefix",
            prefix,
            "paystream.ledger.consumer-group",
            group,
            "spring.kafka.consumer.max-poll-records",
            Integer.toString(batch),
            "paystream.ledger.outbox.enabled",
            Boolean.toString(publish),
            "paystream.ledger.day-close.enabled",
            "false",
            "server.port",
            "0"));
    String[] arguments =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    checkpoint(db);
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(LedgerApplication.class).run(arguments);
    try {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      await("all " + n + " entries booked")
          .atMost(Duration.ofMinutes(15))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> jdbc.queryForObject("select count(*) from journal_entry", Long.class) >= n);
      // First to last booking: consumption, decoding, planning and commits, not the start-up.
      double seconds =
          jdbc.queryForObject(
              "select extract(epoch from max(booked_at) - min(booked_at)) from journal_entry",
              Double.class);
      long batches =
          jdbc.queryForObject("select count(distinct booked_at) from journal_entry", Long.class);
      log(
          "pipeline: %,d entries in %,d transactions over %.2f s (first to last commit)",
          n, batches, seconds);
      // The first batch's time is not in the interval: count the entries after it.
      long firstBatch =
          jdbc.queryForObject(
              "select count(*) from journal_entry where booked_at = (select min(booked_at) from journal_entry)",
              Long.class);
      return (n - firstBatch) / seconds;
    } finally {
      app.close();
    }
  }

  /** The same entries, planned up front, written with the same statements, batch by batch. */
  private static double runDirect(DatabaseCoordinates db, LedgerTopics topics, int n, int batch)
      throws SQLException {
    LedgerDatabase.migrate(db);
    // One connection, as the service's pool hands the consumer one: a fair baseline.
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(
            db.jdbcUrl(), db.runtime().username(), db.runtime().password(), true);
    JdbcBookingStore store = new JdbcBookingStore(new JdbcTemplate(dataSource));
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    BatchPlanner planner =
        new BatchPlanner(
            new PostingRules(FeePolicy.flat(new com.paystream.platform.money.FeeSchedule(150, 0))));
    LedgerEventComposer composer =
        new LedgerEventComposer(
            topics,
            new AvroSerializer<>(
                PinnedSchemaRegistry.bundled(), SubjectNameStrategy.topicName(topics.prefix())));

    log("direct: planning %,d entries", n);
    Map<AccountId, AccountState> accounts = new HashMap<>();
    List<BatchPlan> plans = new ArrayList<>();
    List<List<OutboxMessage>> outboxes = new ArrayList<>();
    Instant at = Instant.now();
    for (int from = 0; from < n; from += batch) {
      List<InboundRecord> records = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + batch); i++) {
        records.add(
            new InboundRecord.Readable(
                new SourceRef(topics.callbacks(), 0, i, null, null),
                new CallbackReceived(
                    UUID.randomUUID(),
                    "bench-" + i,
                    "m-" + (i % MERCHANTS),
                    "simulator",
                    ReportedStatus.SUCCEEDED,
                    1_000 + i % 9_000,
                    "EUR",
                    new MessageMeta(at, ""))));
      }
      Set<AccountSpec> demand = planner.accountDemand(records, Map.<String, PaymentPosition>of());
      List<AccountState> states = new ArrayList<>();
      demand.forEach(
          spec -> states.add(accounts.computeIfAbsent(spec.id(), id -> AccountState.opened(spec))));
      at = at.plusMillis(1);
      BatchPlan plan =
          planner.plan(records, new BatchInput(Set.of(), Map.of(), states, at, LocalDate.now()));
      plan.changedAccounts().forEach(a -> accounts.put(a.spec().id(), a));
      plans.add(plan);
      outboxes.add(composer.compose(plan));
    }
    tx.executeWithoutResult(
        s ->
            store.ensureAndLockAccounts(
                accounts.values().stream().map(AccountState::spec).toList()));

    checkpoint(db);
    log("direct: writing %,d entries in %,d transactions", n, plans.size());
    long start = System.nanoTime();
    for (int i = 0; i < plans.size(); i++) {
      BatchPlan plan = plans.get(i);
      List<OutboxMessage> outbox = outboxes.get(i);
      tx.executeWithoutResult(s -> store.write(plan, outbox));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    dataSource.destroy();
    log("direct: %,d entries in %.2f s", n, seconds);
    return n / seconds;
  }

  /**
   * Both runs start from a clean checkpoint, so that neither pays for flushing the other's pages
   * (the direct run comes second, after the pipeline's WAL).
   */
  private static void checkpoint(DatabaseCoordinates db) throws SQLException {
    // CHECKPOINT is the superuser's.
    try (Connection c = SharedInfrastructure.postgres().dataSource(db.database()).getConnection();
        Statement st = c.createStatement()) {
      st.execute("checkpoint");
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
