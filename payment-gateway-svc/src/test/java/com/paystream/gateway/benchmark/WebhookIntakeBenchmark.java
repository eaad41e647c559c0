package com.paystream.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.benchmark.WebhookLoad.SignedWebhook;
import com.paystream.gateway.testsupport.WebhookPayloads;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.testkit.postgres.DatabaseCoordinates;
import com.paystream.testkit.postgres.DurabilitySettings;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhook intake against the commit rate of the same PostgreSQL. Run on demand:
 *
 * <pre>
 * ./mvnw -o -q -pl payment-gateway-svc test -Dtest=WebhookIntakeBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.concurrency=16] [-Dbench.requests=20000] \
 *     [-Dbench.warmup=40000] [-Dbench.rate=1000] [-Dbench.durable=true]
 * </pre>
 *
 * <p>Phases: warm-up; closed loop at a fixed concurrency (accepted callbacks/s, p50/p99); paced at
 * {@code bench.rate}/s (p50/p99 from each request's due time); then, on the same server, single-row
 * autocommit inserts of the same size at the same concurrency. Every callback hits a payment that
 * exists (PENDING to SUCCEEDED), the production path. The last line is JSON.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.root=WARN",
      "logging.level.com.paystream.gateway.callbacks=WARN",
      "spring.r2dbc.pool.initial-size=32",
      "spring.r2dbc.pool.max-size=32"
    })
class WebhookIntakeBenchmark {

  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
  private static final int REQUESTS = Integer.getInteger("bench.requests", 20_000);
  // Callbacks sent before the clock starts. The JIT compiler takes tens of thousands of requests
  // to settle: after 4,000 the measured loop cost 2.86 ms of JVM CPU per callback, after 20,000
  // 1.59-2.06, after 40,000 1.16 and after 80,000 1.14.
  private static final int WARMUP = Integer.getInteger("bench.warmup", 40_000);
  private static final int RATE = Integer.getInteger("bench.rate", 1_000);
  private static final int PACED_SECONDS = Integer.getInteger("bench.paced-seconds", 15);
  private static final boolean DURABLE =
      Boolean.parseBoolean(System.getProperty("bench.durable", "true"));
  private static final String SECRET = StandardWebhookSigner.newSecret();

  private static final ServerHolder SERVER = new ServerHolder();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DatabaseCoordinates db = SERVER.database();
    registry.add("spring.r2dbc.url", db::r2dbcUrl);
    registry.add("spring.r2dbc.username", () -> db.runtime().username());
    registry.add("spring.r2dbc.password", () -> db.runtime().password());
    registry.add("spring.flyway.url", db::jdbcUrl);
    registry.add("spring.flyway.user", () -> db.owner().username());
    registry.add("spring.flyway.password", () -> db.owner().password());
    registry.add("paystream.webhooks.providers.simulator.secrets[0]", () -> SECRET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    SERVER.close();
  }

  @LocalServerPort int port;

  @Autowired MeterRegistry registry;

  @Test
  void webhookIntakeAgainstPostgresCommitRate() throws Exception {
    DatabaseCoordinates db = SERVER.database();
    int pacedRequests = RATE * PACED_SECONDS;
    List<SignedWebhook> warmup = webhooks(db, WARMUP);
    List<SignedWebhook> closed = webhooks(db, REQUESTS);
    List<SignedWebhook> paced = webhooks(db, pacedRequests);
    int bodyBytes = closed.get(0).body().length;

    LoadResult closedResult;
    LoadResult pacedResult;
    double[] closedCpu;
    double clientCpu;
    String closedThreads;
    try (WebhookLoad load =
        new WebhookLoad("http://localhost:" + port, Math.max(256, 4 * CONCURRENCY))) {
      load.closedLoop(warmup, CONCURRENCY);
      CpuClock.Sample beforeClosed = SERVER.cpu().sample();
      closedResult = load.closedLoop(closed, CONCURRENCY);
      CpuClock.Sample afterClosed = SERVER.cpu().sample();
      closedCpu = afterClosed.millisPer(beforeClosed, REQUESTS);
      clientCpu = afterClosed.poolMillisPer(WebhookLoad.CLIENT_THREADS, beforeClosed, REQUESTS);
      closedThreads = afterClosed.threadsPer(beforeClosed, REQUESTS);
      pacedResult = load.paced(paced, RATE);
    }
    CpuClock.Sample beforeBaseline = SERVER.cpu().sample();
    double baseline = InsertBaseline.insertsPerSecond(db, CONCURRENCY, REQUESTS, bodyBytes);
    double[] baselineCpu = SERVER.cpu().sample().millisPer(beforeBaseline, REQUESTS);

    // Each side of the ratio as its own login sees them (synchronous_commit may be per role): the
    // service writes as the runtime role, the baseline inserts as the owner.
    DurabilitySettings intakeDurability = DurabilitySettings.of(db, db.runtime());
    DurabilitySettings baselineDurability = DurabilitySettings.of(db, db.owner());
    // Figures first, so that a run that fails its checks still shows what it measured.
    report(
        closedResult,
        pacedResult,
        baseline,
        bodyBytes,
        loadAverage(),
        closedCpu,
        clientCpu,
        baselineCpu,
        intakeDurability,
        baselineDurability);
    assertThat(closedResult.accepted()).isEqualTo(REQUESTS);
    assertThat(pacedResult.accepted()).isEqualTo(pacedRequests);
    assertThat(count(db, "select count(*) from callback_inbox"))
        .isEqualTo(WARMUP + REQUESTS + pacedRequests);
    System.out.print(
        "CPU ms per callback by thread pool (closed loop, this JVM):\n" + closedThreads);
    DistributionSummary sizes = registry.get("paystream.intake.batch.size").summary();
    Timer durations = registry.get("paystream.intake.batch.duration").timer();
    System.out.printf(
        Locale.ROOT,
        "(intake batches: %d, mean size %.1f, max %.0f; mean duration %.1f ms, max %.1f ms)%n",
        sizes.count(),
        sizes.mean(),
        sizes.max(),
        durations.mean(TimeUnit.MILLISECONDS),
        durations.max(TimeUnit.MILLISECONDS));
  }

  /** The machine's 1-minute load average: the figures mean little on a busy machine. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return -1;
    }
  }

  private static void report(
      LoadResult closed,
      LoadResult paced,
      double baseline,
      int bodyBytes,
      double load,
      double[] closedCpu,
      double clientCpu,
      double[] baselineCpu,
      DurabilitySettings intakeDurability,
      DurabilitySettings baselineDurability) {
    double ratio = closed.acceptedPerSecond() / baseline;
    // The figure: the service's JVM and PostgreSQL, without the load client's HTTP threads
    // (its GC and JIT share stays in, so this errs high).
    double serviceCpu = closedCpu[0] - clientCpu + closedCpu[1];
    System.out.printf(
        "%nDurability: intake PostgreSQL %s; baseline inserts PostgreSQL %s%n",
        intakeDurability, baselineDurability);
    System.out.printf(
        Locale.ROOT,
        "%nWebhook intake (%s PostgreSQL, concurrency %d, %d callbacks of %d bytes):%n"
            + "  accepted %.0f callbacks/s, p50 %.2f ms, p99 %.2f ms%n"
            + "Paced at %d/s for %d callbacks: achieved %.0f/s, p50 %.2f ms, p99 %.2f ms%n"
            + "Same PostgreSQL, single-row autocommit inserts of %d bytes, concurrency %d:%n"
            + "  %.0f inserts/s%n"
            + "Ratio intake / inserts: %.2f (1-minute load average %.2f on %d cores)%n"
            + "CPU ms per callback (closed loop): JVM %.3f, PostgreSQL %.3f;"
            + " per baseline insert: JVM %.3f, PostgreSQL %.3f%n"
            + "CPU ms per callback without the load client's threads (%.3f): service JVM and"
            + " PostgreSQL %.3f%n",
        DURABLE ? "durable (fsync on)" : "shared test (fsync off)",
        CONCURRENCY,
        closed.requests(),
        bodyBytes,
        closed.acceptedPerSecond(),
        closed.percentileMillis(50),
        closed.percentileMillis(99),
        RATE,
        paced.requests(),
        paced.acceptedPerSecond(),
        paced.percentileMillis(50),
        paced.percentileMillis(99),
        bodyBytes,
        CONCURRENCY,
        baseline,
        ratio,
        load,
        Runtime.getRuntime().availableProcessors(),
        closedCpu[0],
        closedCpu[1],
        baselineCpu[0],
        baselineCpu[1],
        clientCpu,
        serviceCpu);
    System.out.printf(
        Locale.ROOT,
        "{\"benchmark\":\"webhook-intake\",\"durable\":%s,\"concurrency\":%d,\"callbacks\":%d,"
            + "\"accepted_per_sec\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"paced_rate\":%d,"
            + "\"paced_achieved_per_sec\":%.1f,\"paced_p50_ms\":%.3f,\"paced_p99_ms\":%.3f,"
            + "\"baseline_inserts_per_sec\":%.1f,\"ratio\":%.3f,\"load_average\":%.2f,"
            + "\"cores\":%d,\"jvm_cpu_ms_per_callback\":%.3f,\"pg_cpu_ms_per_callback\":%.3f,"
            + "\"client_cpu_ms_per_callback\":%.3f,\"service_cpu_ms_per_callback\":%.3f,"
            + "\"jvm_cpu_ms_per_insert\":%.3f,\"pg_cpu_ms_per_insert\":%.3f,\"warmup\":%d,%s,%s}%n",
        DURABLE,
        CONCURRENCY,
        closed.requests(),
        closed.acceptedPerSecond(),
        closed.percentileMillis(50),
        closed.percentileMillis(99),
        RATE,
        paced.acceptedPerSecond(),
        paced.percentileMillis(50),
        paced.percentileMillis(99),
        baseline,
        ratio,
        load,
        Runtime.getRuntime().availableProcessors(),
        closedCpu[0],
        closedCpu[1],
        clientCpu,
        serviceCpu,
        baselineCpu[0],
        baselineCpu[1],
        WARMUP,
        intakeDurability.jsonMembers("intake_"),
        baselineDurability.jsonMembers("baseline_"));
  }

  /** Creates {@code count} PENDING payments and one signed SUCCEEDED callback for each. */
  private static List<SignedWebhook> webhooks(DatabaseCoordinates db, int count) throws Exception {
    StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
    String prefix = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    try (Connection connection = connect(db);
        PreparedStatement insert =
            connection.prepareStatement(
                """
                insert into payment (payment_id, merchant_id, provider, amount_minor, currency,
                                     status, origin, created_at, updated_at)
                select ? || n, 'm-bench', 'simulator', 1999, 'EUR', 'PENDING', 'API', now(), now()
                from generate_series(1, ?) as n
                """)) {
      insert.setString(1, prefix);
      insert.setInt(2, count);
      insert.executeUpdate();
    }
    List<SignedWebhook> webhooks = new ArrayList<>(count);
    Instant now = Instant.now();
    for (int n = 1; n <= count; n++) {
      byte[] body = WebhookPayloads.payment(prefix + n, "m-bench", 1999, "EUR", "SUCCEEDED", now);
      webhooks.add(new SignedWebhook(signer.headers("msg_" + prefix + n, now, body), body));
    }
    return webhooks;
  }

  private static long count(DatabaseCoordinates db, String sql) throws Exception {
    try (Connection connection = connect(db);
        PreparedStatement query = connection.prepareStatement(sql);
        ResultSet result = query.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Connection connect(DatabaseCoordinates db) throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), db.owner().username(), db.owner().password());
  }

  /** The benchmark's PostgreSQL: a durable one of its own, or the shared test server. */
  private static final class ServerHolder implements AutoCloseable {

    private DurablePostgres durable;
    private DatabaseCoordinates database;

    synchronized CpuClock cpu() {
      database();
      return CpuClock.of(durable == null ? null : durable.dataDir());
    }

    synchronized DatabaseCoordinates database() {
      if (database == null) {
        String name = "gateway_bench_" + UUID.randomUUID().toString().substring(0, 8);
        if (DURABLE) {
          durable = DurablePostgres.start();
          database = durable.createDatabase(name);
        } else {
          database = com.paystream.testkit.SharedInfrastructure.postgres().createDatabase(name);
        }
      }
      return database;
    }

    @Override
    public synchronized void close() throws Exception {
      if (durable != null) {
        durable.close();
      }
    }
  }
}
