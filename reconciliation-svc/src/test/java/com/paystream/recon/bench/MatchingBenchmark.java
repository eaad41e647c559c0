package com.paystream.recon.bench;

import com.paystream.platform.outbox.RecoveringProducer;
import com.paystream.recon.ReconProperties;
import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.streams.MatchingTopology;
import com.paystream.recon.matching.streams.StreamsSettings;
import com.paystream.recon.support.Records;
import com.paystream.recon.support.TopologyProperties;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.common.Side;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.EntryType;
import com.paystream.schemas.recon.ReconOutcome;
import com.paystream.schemas.recon.ReconResult;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.serde.AvroDeserializer;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.statements.StatementLine;
import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.TopicCatalogue;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.ProducerDurability;
import com.paystream.testkit.kafka.Resends;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Pushes N cashflow lines and N statement lines (N matching pairs) through the matching topology on
 * a real broker, and the same 2N records through a plain consume-and-produce loop on the same
 * broker in the same run; prints both rates, their ratio, and one final line of JSON.
 *
 * <pre>
 * ./mvnw -o -q -pl reconciliation-svc exec:java -Dbench.pairs=100000 [-Dbench.threads=1]
 *        [-Dbench.bootstrap=host:9092]
 * </pre>
 *
 * Without {@code bench.bootstrap} it starts the test kit's KRaft broker (a separate process). Rates
 * count input records (2N) per second of processing; the topology's clock starts when Kafka Streams
 * reports RUNNING and stops when the N-th MATCHED result is readable (committed), the loop's when
 * its first records arrive and when its last sends are acknowledged.
 *
 * <p>Both are measured warm, as a running service is: a warm-up round of {@code bench.warmup} pairs
 * (default: up to 30,000) first goes through both, on topics and an application id of its own, so
 * that the measured round does not time the JIT compiling Kafka Streams, RocksDB's bindings and the
 * codecs (on a cold JVM the compiler threads used more CPU than the stream thread). {@code
 * -Dbench.warmup=0} measures cold. Beside the rates it prints the CPU time of the process per
 * record for both, which other load on the machine hardly moves.
 */
public final class MatchingBenchmark {

  /**
   * The lines' business date: today, as a running service's lines are. A date in the past would put
   * every line past its deadlines (the statement's cutoff, a payment's not-paid-out-after) as it
   * arrives, and the run would time a break for every record rather than matching.
   */
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC);

  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final String[] PROVIDERS = {"simulator", "stripe", "adyen", "mollie"};

  private final int pairs;
  private final int threads;
  private final String bootstrap;
  private final String prefix;
  private final ReconTopics topics;
  private final String passthrough;

  /**
   * The Streams producer's settings as the measured run resolved them (set by the topology run).
   */
  private ProducerDurability topologyProducer;

  MatchingBenchmark(int pairs, int threads, String bootstrap) {
    this.pairs = pairs;
    this.threads = threads;
    this.bootstrap = bootstrap;
    this.prefix = SharedInfrastructure.uniqueName("bench") + ".";
    this.topics = new ReconTopics(prefix);
    this.passthrough = prefix + "bench.passthrough";
  }

  public static void main(String[] args) throws Exception {
    int pairs =
        Integer.getInteger("bench.pairs", args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
    int threads = Integer.getInteger("bench.threads", 1);
    String bootstrap = System.getProperty("bench.bootstrap", "");
    if (bootstrap.isBlank()) {
      bootstrap = SharedInfrastructure.kafka().bootstrapServers();
    }
    int warmup = Integer.getInteger("bench.warmup", Math.min(pairs, 30_000));
    if (warmup > 0) {
      log("warm-up round: %,d pairs", warmup);
      new MatchingBenchmark(warmup, threads, bootstrap).measure();
    }
    log("measured round: %,d pairs", pairs);
    new MatchingBenchmark(pairs, threads, bootstrap).run(warmup);
    System.exit(0);
  }

  /** Both measurements on this instance's own topics, which are deleted afterwards. */
  private Rates[] measure() throws Exception {
    createTopics();
    long produceMs = produceInputs();
    log("produced %,d records in %,d ms", 2L * pairs, produceMs);
    Rates plain = baseline();
    log(
        "plain consume-and-produce: %,.0f records/s (%.1f CPU-us/record)",
        plain.recordsPerSecond(), plain.cpuMicrosPerRecord());
    Rates minimal = minimalTopology();
    log(
        "minimal topology (exactly_once_v2, %d thread(s): decode, repartition, store, join, write):"
            + " %,.0f records/s (%.1f CPU-us/record)",
        threads, minimal.recordsPerSecond(), minimal.cpuMicrosPerRecord());
    Rates topology = topology();
    log(
        "matching topology (exactly_once_v2, %d thread(s)): %,.0f records/s, %,.0f matched/s"
            + " (%.1f CPU-us/record)",
        threads,
        topology.recordsPerSecond(),
        topology.matchedPerSecond(),
        topology.cpuMicrosPerRecord());
    deleteTopics();
    return new Rates[] {plain, minimal, topology};
  }

  void run(int warmupPairs) throws Exception {
    Rates[] measured = measure();
    Rates plain = measured[0];
    Rates minimal = measured[1];
    Rates topology = measured[2];
    double baseline = plain.recordsPerSecond();
    double ratio = topology.recordsPerSecond() / baseline;
    double cpuRatio = plain.cpuMicrosPerRecord() / topology.cpuMicrosPerRecord();
    double minimalRatio = topology.recordsPerSecond() / minimal.recordsPerSecond();
    double minimalCpuRatio = minimal.cpuMicrosPerRecord() / topology.cpuMicrosPerRecord();
    // Both sides of the ratio; neither loop touches PostgreSQL, so there are no database settings.
    ProducerDurability plainProducer = ProducerDurability.of(producerConfig());
    log(
        "durability: plain loop producer %s; topology producer %s (no PostgreSQL in either)",
        plainProducer, topologyProducer);
    log("ratio topology / plain: %.2f (CPU cost ratio plain / topology: %.2f)", ratio, cpuRatio);
    log(
        "ratio topology / minimal topology: %.2f (CPU cost ratio minimal / topology: %.2f;"
            + " the limit for this kind of work)",
        minimalRatio, minimalCpuRatio);
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"recon-matching\",\"pairs\":%d,\"records\":%d,\"stream_threads\":%d,"
            + "\"partitions\":6,\"processing_guarantee\":\"exactly_once_v2\","
            + "\"baseline_records_per_sec\":%.0f,\"topology_records_per_sec\":%.0f,"
            + "\"matched_per_sec\":%.0f,\"ratio\":%.3f,"
            + "\"baseline_cpu_us_per_record\":%.1f,\"topology_cpu_us_per_record\":%.1f,"
            + "\"cpu_ratio\":%.3f,\"minimal_records_per_sec\":%.0f,"
            + "\"minimal_cpu_us_per_record\":%.1f,\"ratio_to_minimal\":%.3f,"
            + "\"cpu_ratio_to_minimal\":%.3f,"
            + "\"warmup_pairs\":%d,\"load_average\":%.2f,\"cores\":%d}%n",
        pairs,
        2L * pairs,
        threads,
        baseline,
        topology.recordsPerSecond(),
        topology.matchedPerSecond(),
        ratio,
        plain.cpuMicrosPerRecord(),
        topology.cpuMicrosPerRecord(),
        cpuRatio,
        minimal.recordsPerSecond(),
        minimal.cpuMicrosPerRecord(),
        minimalRatio,
        minimalCpuRatio,
        warmupPairs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param cpuMicrosPerRecord CPU time of this whole process (the client side, and the broker when
   *     it is the test kit's in-process one) per input record over the measured span: unlike the
   *     rates it barely moves when other work on the machine competes for the cores
   */
  record Rates(double recordsPerSecond, double matchedPerSecond, double cpuMicrosPerRecord) {}

  /** CPU time used by this process so far, all threads. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private double cpuMicrosPerRecord(long cpuStartNanos) {
    return (processCpuNanos() - cpuStartNanos) / 1e3 / (2.0 * pairs);
  }

  // --- setup ---------------------------------------------------------------------------------

  private void createTopics() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicCatalogue.ensureCreated(admin, (short) 1, topics.used());
      admin
          .createTopics(
              List.of(
                  new NewTopic(passthrough, 6, (short) 1),
                  new NewTopic(prefix + "bench.minimal-out", 6, (short) 1)))
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the benchmark topics", e);
    }
  }

  private void deleteTopics() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<String> names =
          admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).toList();
      admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      log("could not delete the benchmark topics: %s", e);
    }
  }

  /** N matching pairs over 12 clearing accounts (the ledger's keys) and 3 currencies. */
  private long produceInputs() throws Exception {
    var cashflowSerializer =
        topics.cashflow().valueSerde(PinnedSchemaRegistry.bundled()).serializer();
    var statementSerializer =
        topics.statements().valueSerde(PinnedSchemaRegistry.bundled()).serializer();
    long start = System.nanoTime();
    try (Producer<String, byte[]> producer = producer()) {
      Resends<String, byte[]> resends = new Resends<>(MatchingBenchmark::log);
      for (int i = 0; i < pairs; i++) {
        String currency = CURRENCIES[i % CURRENCIES.length];
        String provider = PROVIDERS[(i / 3) % PROVIDERS.length];
        String reference = "pay-bench-" + i;
        long amount = 1_000 + (i % 9_000);
        CashflowLine posting =
            Records.cashflowLine(
                "provider-clearing:" + provider + ":" + currency,
                com.paystream.schemas.ledger.AccountType.ASSET,
                reference,
                "entry-" + i,
                i + 1L,
                EntryType.PAYMENT,
                Side.DEBIT,
                amount,
                currency,
                DAY);
        StatementLine line =
            Records.statementLine(
                "STMT-" + (i / 10_000),
                String.valueOf(i),
                reference,
                Side.CREDIT,
                amount,
                currency,
                DAY);
        resends.send(
            producer,
            new ProducerRecord<>(
                topics.cashflow().name(),
                posting.getAccountId(),
                cashflowSerializer.serialize(topics.cashflow().name(), posting)));
        resends.send(
            producer,
            new ProducerRecord<>(
                topics.statements().name(),
                line.getStatementId() + "/" + line.getLineId(),
                statementSerializer.serialize(topics.statements().name(), line)));
      }
      resends.complete(producer, "the inputs");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * The inputs' and the plain loop's producer: one that replaces its client after a sequence or
   * fatal error ({@link RecoveringProducer}), as every producer of the suite does, so that a run
   * never waits on a producer that can no longer deliver.
   */
  private Producer<String, byte[]> producer() {
    return new RecoveringProducer<>(
        "bench",
        () ->
            new KafkaProducer<>(
                producerConfig(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new ByteArraySerializer()));
  }

  /** The inputs' and the plain loop's producer. */
  private Map<String, Object> producerConfig() {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrap,
        ProducerConfig.ACKS_CONFIG,
        "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
        true,
        ProducerConfig.LINGER_MS_CONFIG,
        10,
        ProducerConfig.BATCH_SIZE_CONFIG,
        262_144,
        ProducerConfig.COMPRESSION_TYPE_CONFIG,
        "lz4",
        // A send that fails is sent again (Resends); two minutes bound how long one can hang.
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        120_000);
  }

  // --- baseline ------------------------------------------------------------------------------

  /** Reads both inputs and writes every record to another topic: the broker's plain speed. */
  private Rates baseline() {
    long expected = 2L * pairs;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer("read_committed");
        Producer<String, byte[]> producer = producer()) {
      assign(consumer, List.of(topics.cashflow().name(), topics.statements().name()));
      Resends<String, byte[]> resends = new Resends<>(MatchingBenchmark::log);
      long seen = 0;
      long start = 0;
      long cpuStart = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
      while (seen < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + seen + " of " + expected + " read in 30 min");
        }
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
        if (!batch.isEmpty() && start == 0) {
          start = System.nanoTime();
          cpuStart = processCpuNanos();
        }
        for (ConsumerRecord<byte[], byte[]> r : batch) {
          resends.send(
              producer,
              new ProducerRecord<>(
                  passthrough,
                  new String(r.key(), java.nio.charset.StandardCharsets.UTF_8),
                  r.value()));
          seen++;
        }
      }
      resends.complete(producer, "the plain loop");
      double rate = expected / seconds(start);
      return new Rates(rate, rate, cpuMicrosPerRecord(cpuStart));
    }
  }

  // --- topology ------------------------------------------------------------------------------

  private Rates topology() throws Exception {
    Duration far = Duration.ofDays(3650);
    ReconProperties recon = reconProperties(prefix + "reconciliation-svc");
    Map<String, Object> serde = Map.of(AvroSerdeConfig.REGISTRY_URL, "");
    var topology =
        MatchingTopology.build(
            new MatchingTopology.Settings(
                topics,
                new MatchRules(far, far, far, 0, ZoneOffset.UTC, Duration.ofDays(35)),
                new com.paystream.recon.matching.internal.InternalRules(far, Duration.ofDays(35)),
                Duration.ofSeconds(1),
                10_000,
                6,
                serde));
    Properties config = streamsConfig(recon);
    topologyProducer =
        ProducerDurability.of(
            new org.apache.kafka.streams.StreamsConfig(config).getProducerConfigs("bench"));
    return run(topology, config, topics.results().name(), this::countMatched);
  }

  /**
   * The limit for this kind of work: an exactly-once topology that decodes both inputs with the
   * same Avro serdes, re-keys them by payment reference through a repartition topic of the same
   * partition count, keeps the first of each pair in a cached persistent store and, when the second
   * comes, deletes it and writes one record out; none of the matching logic (no units, deadlines,
   * indexes or results).
   */
  private Rates minimalTopology() throws Exception {
    Map<String, Object> serde = Map.of(AvroSerdeConfig.REGISTRY_URL, "");
    StreamsBuilder builder = new StreamsBuilder();
    String store = "minimal-pairs";
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.Long())
            .withCachingEnabled());
    var keys = Serdes.String();
    var cashflow =
        builder.stream(
                topics.cashflow().name(), Consumed.with(keys, topics.cashflow().valueSerde(serde)))
            .map((key, line) -> KeyValue.pair(line.getPaymentId(), line.getAmountMinor()));
    var statements =
        builder.stream(
                topics.statements().name(),
                Consumed.with(keys, topics.statements().valueSerde(serde)))
            .map((key, line) -> KeyValue.pair(line.getPaymentReference(), line.getAmountMinor()));
    String output = prefix + "bench.minimal-out";
    cashflow
        .merge(statements)
        .repartition(
            Repartitioned.with(keys, Serdes.Long())
                .withName("minimal-by-reference")
                .withNumberOfPartitions(6))
        .process(() -> new PairJoin(store), store)
        .to(output, Produced.with(keys, Serdes.Long()));
    Properties config = streamsConfig(reconProperties(prefix + "minimal"));
    return run(builder.build(), config, output, this::countRecords);
  }

  /**
   * The second record of a reference meets the first in the store: one record out, store cleared.
   */
  private static final class PairJoin implements Processor<String, Long, String, Long> {
    private final String storeName;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> pairs;

    PairJoin(String storeName) {
      this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      this.pairs = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Long> record) {
      Long first = pairs.get(record.key());
      if (first == null) {
        pairs.put(record.key(), record.value());
        return;
      }
      pairs.delete(record.key());
      context.forward(record.withValue(first - record.value()));
    }
  }

  private long countRecords(KafkaConsumer<byte[], byte[]> output) {
    long seen = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (seen < pairs) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + seen + " of " + pairs + " joined in 30 min");
      }
      seen += output.poll(Duration.ofMillis(200)).count();
    }
    return seen;
  }

  /** The service's Streams settings for {@code recon}, with the benchmark's overrides. */
  private Properties streamsConfig(ReconProperties recon) {
    Properties config =
        StreamsSettings.of(recon, topics, KafkaConnection.plaintext(bootstrap), 1, "");
    // Only to compare in experiments; the service always runs exactly_once_v2.
    config.put(
        org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        System.getProperty("bench.guarantee", "exactly_once_v2"));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench.streams."))
        .forEach(k -> config.put(k.substring("bench.streams.".length()), System.getProperty(k)));
    return config;
  }

  private ReconProperties reconProperties(String applicationId) throws java.io.IOException {
    Path stateDir = Files.createTempDirectory("recon-bench-state");
    Duration far = Duration.ofDays(3650);
    return TopologyProperties.of(
        applicationId,
        stateDir,
        threads,
        far,
        far,
        far,
        new ReconProperties.Outbox(1000, Duration.ofSeconds(2)));
  }

  /**
   * Runs {@code topology} from RUNNING until {@code done} has read all it waits for on {@code
   * output} (read committed); the matched figure is what {@code done} counted.
   */
  private Rates run(
      Topology topology,
      Properties config,
      String output,
      ToLongFunction<KafkaConsumer<byte[], byte[]>> done)
      throws InterruptedException {
    AtomicLong runningAt = new AtomicLong();
    AtomicLong cpuAtRunning = new AtomicLong();
    CountDownLatch running = new CountDownLatch(1);
    try (KafkaStreams streams = new KafkaStreams(topology, config);
        KafkaConsumer<byte[], byte[]> results = consumer("read_committed")) {
      streams.setStateListener(
          (now, before) -> {
            if (now == KafkaStreams.State.RUNNING && runningAt.get() == 0) {
              cpuAtRunning.set(processCpuNanos());
              runningAt.set(System.nanoTime());
              running.countDown();
            }
          });
      assign(results, List.of(output));
      streams.start();
      if (!running.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the topology did not reach RUNNING");
      }
      long matched = done.applyAsLong(results);
      double elapsed = seconds(runningAt.get());
      double cpuPerRecord = cpuMicrosPerRecord(cpuAtRunning.get());
      if (Boolean.getBoolean("bench.metrics")) {
        streams
            .metrics()
            .forEach(
                (name, metric) -> {
                  if (name.group().equals("stream-thread-metrics")
                      || (name.group().equals("consumer-fetch-manager-metrics")
                          && name.tags().size() == 1)
                      || (name.group().equals("producer-metrics")
                          && name.name()
                              .matches(
                                  "record-send-rate|batch-size-avg|request-latency-avg|records-per-request-avg|txn-commit-time-ns-total"))) {
                    log(
                        "%s %s %s = %s",
                        name.group(), name.name(), name.tags().keySet(), metric.metricValue());
                  }
                });
      }
      streams.close(Duration.ofSeconds(30));
      return new Rates(2.0 * pairs / elapsed, matched / elapsed, cpuPerRecord);
    }
  }

  private long countMatched(KafkaConsumer<byte[], byte[]> results) {
    AvroDeserializer<ReconResult> decode =
        new AvroDeserializer<>(PinnedSchemaRegistry.bundled(), ReconResult.class);
    long matched = 0;
    Map<ReconOutcome, Long> others = new java.util.EnumMap<>(ReconOutcome.class);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (matched < pairs) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + matched + " of " + pairs + " matched in 30 min");
      }
      for (ConsumerRecord<byte[], byte[]> r : results.poll(Duration.ofMillis(200))) {
        ReconOutcome outcome = decode.deserialize(r.topic(), r.value()).getOutcome();
        if (outcome == ReconOutcome.MATCHED) {
          matched++;
        } else {
          others.merge(outcome, 1L, Long::sum);
        }
      }
    }
    log("results other than MATCHED before the last match: %s", others.isEmpty() ? "none" : others);
    return matched;
  }

  // --- helpers -------------------------------------------------------------------------------

  private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5_000,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
            52_428_800,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
            4_194_304,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static void assign(KafkaConsumer<byte[], byte[]> consumer, List<String> topicNames) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topicNames) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }
}
