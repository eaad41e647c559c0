package com.paystream.e2e;

import static org.awaitility.Awaitility.await;

import com.paystream.local.chaos.ChaosTarget;
import com.paystream.local.cluster.ClusterPorts;
import com.paystream.local.cluster.ClusterServices;
import com.paystream.local.cluster.KafkaCluster;
import com.paystream.local.cluster.KafkaTimeouts;
import com.paystream.local.demo.DemoProvider;
import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.Readiness;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.scenario.DayScenario;
import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.postgres.PostgresMain;
import com.paystream.testkit.support.Directories;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The suite on replicated PostgreSQL, as the local stack runs it: a primary that archives its WAL,
 * a synchronous standby and, when asked, a delayed standby, each a supervised {@link PostgresMain}
 * process (restarted when it dies); the four services connect with multi-host URLs that follow the
 * primary. The JVM's shared broker, behind a topic prefix of its own; or, in cluster mode ({@link
 * #startCluster}), the local stack's cluster: three broker processes of its own in one KRaft quorum
 * and two instances of every service, started by the same code as {@code run.sh --cluster}.
 * Everything lives in a temp directory that {@link #close()} removes.
 */
final class ReplicatedStack implements ServiceUrls, AutoCloseable {

  static final String STANDBY = "standby";
  static final String DELAYED = "delayed";
  private static final String HOST = "127.0.0.1";
  private static final Duration POSTGRES_READY = Duration.ofSeconds(120);

  private final Path root = Directories.createTemp("replicated-stack-");
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "replicated-stack-supervisor");
            thread.setDaemon(true);
            return thread;
          });
  private final String topicPrefix = SharedInfrastructure.uniqueName("dr") + ".";
  private final Map<String, Integer> httpPorts = ServiceProcesses.freePorts();
  private final DatabaseLogins logins = DatabaseLogins.generate();
  private final Duration delayedApply;
  private final ProviderSimulator provider;
  private final Map<String, Integer> postgresPorts;
  private final Map<String, SupervisedChild> postgres =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<SupervisedChild> services = new ArrayList<>();
  private List<ServiceSpec> specs = List.of();
  private final KafkaTimeouts clusterTimeouts;
  private final ClusterPorts clusterPorts;
  private KafkaCluster kafkaCluster;
  private final Map<Integer, SupervisedChild> brokers = new java.util.LinkedHashMap<>();

  private ReplicatedStack(Duration delayedApply) {
    this(delayedApply, null);
  }

  private ReplicatedStack(Duration delayedApply, KafkaTimeouts clusterTimeouts) {
    this.delayedApply = delayedApply;
    this.clusterTimeouts = clusterTimeouts;
    this.clusterPorts =
        clusterTimeouts == null ? null : ClusterPorts.free(ServiceProcesses::freePort);
    this.postgresPorts =
        Map.of(
            "primary",
            ServiceProcesses.freePort(),
            STANDBY,
            ServiceProcesses.freePort(),
            DELAYED,
            ServiceProcesses.freePort());
    this.provider =
        new ProviderSimulator(
            DemoProvider.WEBHOOK_SECRET,
            42,
            DemoProvider.NAME,
            clusterPorts == null
                ? httpPorts.get(ServiceCatalog.PROVIDER)
                : clusterPorts.http(ServiceCatalog.PROVIDER, 1));
  }

  /**
   * Cluster mode: three broker processes (one KRaft quorum: RF 3, min ISR 2, no unclean election),
   * PostgreSQL primary and synchronous standby, and two instances of every service with the group
   * timeouts given.
   */
  static ReplicatedStack startCluster(KafkaTimeouts timeouts) {
    ReplicatedStack stack = new ReplicatedStack(null, timeouts);
    try {
      stack.startBrokers();
      stack.startDatabases();
      stack.startServices();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private void startBrokers() {
    kafkaCluster = KafkaCluster.in(root.resolve("kafka"), clusterPorts);
    for (KafkaCluster.Node node : kafkaCluster.nodes()) {
      SupervisedChild child =
          new SupervisedChild(
              kafkaCluster.spec(node, "-Xmx384m", name -> logs().resolve(name + ".log")),
              scheduler);
      child.start();
      brokers.put(node.id(), child);
    }
    await()
        .atMost(POSTGRES_READY)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> brokers.values().stream().allMatch(SupervisedChild::isReady));
  }

  /** What the chaos day acts on (cluster mode). */
  ChaosTarget chaosTarget() {
    Map<String, SupervisedChild> instances = new java.util.LinkedHashMap<>();
    services.forEach(child -> instances.put(child.name(), child));
    Map<String, String> baseUrls = new java.util.LinkedHashMap<>();
    specs.forEach(spec -> baseUrls.put(spec.name(), spec.baseUrl()));
    return new ChaosTarget(
        kafkaCluster,
        brokers,
        instances,
        baseUrls,
        postgres("primary"),
        dataDir("primary"),
        clusterTimeouts);
  }

  /** Every instance's base URL, per service, for the day scenario. */
  DayScenario.Services dayServices() {
    return new DayScenario.Services(
        instanceUrls("gateway"),
        instanceUrls("relay"),
        instanceUrls("ledger"),
        instanceUrls("reconciliation"));
  }

  /** The base URLs of every instance of a service, instance 1 first. */
  List<String> instanceUrls(String service) {
    return specs.stream()
        .filter(spec -> ClusterServices.serviceOf(spec.name()).equals(service))
        .map(ServiceSpec::baseUrl)
        .toList();
  }

  /**
   * Starts PostgreSQL (primary, synchronous standby, and a delayed standby when {@code
   * delayedApply} is not null) and the four services.
   */
  static ReplicatedStack start(Duration delayedApply) {
    ReplicatedStack stack = new ReplicatedStack(delayedApply);
    try {
      stack.startDatabases();
      stack.startServices();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  @Override
  public String baseUrl(String service) {
    return specs.stream()
        .filter(
            spec ->
                spec.name().equals(service)
                    || ClusterServices.serviceOf(spec.name()).equals(service))
        .findFirst()
        .orElseThrow()
        .baseUrl();
  }

  ProviderSimulator provider() {
    return provider;
  }

  Path archive() {
    return root.resolve("archive");
  }

  Path dataDir(String server) {
    return root.resolve("postgres-" + server);
  }

  int port(String server) {
    return postgresPorts.get(server);
  }

  SupervisedChild postgres(String server) {
    return postgres.get(server);
  }

  /** A service's child by its name, or in cluster mode an instance's ({@code ledger-2}). */
  SupervisedChild service(String name) {
    return services.stream().filter(child -> child.name().equals(name)).findFirst().orElseThrow();
  }

  /** A superuser connection to one database on the server now serving as primary. */
  Connection superuser(String server, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + HOST + ":" + port(server) + "/" + database, "postgres", "postgres");
  }

  private void startDatabases() {
    List<String> primaryArgs =
        new ArrayList<>(
            List.of(
                "--data-dir", dataDir("primary").toString(),
                "--port", Integer.toString(port("primary")),
                "--archive", archive().resolve("wal").toString(),
                "--archive-timeout", "1"));
    ServiceCatalog.DATABASES.forEach(db -> primaryArgs.addAll(List.of("--database", db)));
    startPostgres("primary", primaryArgs);
    startPostgres(STANDBY, standbyArgs(STANDBY, Duration.ZERO));
    if (delayedApply != null) {
      startPostgres(DELAYED, standbyArgs(DELAYED, delayedApply));
    }
    // Only once the standby streams: before, every commit would wait for it (role creation too).
    execute(
        "primary",
        "alter system set synchronous_standby_names = 'FIRST 1 (" + STANDBY + ")'",
        "select pg_reload_conf()");
    try (Connection superuser = superuser("primary", "postgres")) {
      logins.provision(superuser);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database roles", e);
    }
  }

  private List<String> standbyArgs(String name, Duration applyDelay) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data-dir", dataDir(name).toString(),
                "--port", Integer.toString(port(name)),
                "--standby-of", HOST + ":" + port("primary"),
                "--primary-data-dir", dataDir("primary").toString(),
                "--name", name,
                "--archive", archive().resolve("wal").toString()));
    if (!applyDelay.isZero()) {
      args.addAll(List.of("--apply-delay", Long.toString(applyDelay.toSeconds())));
    }
    return args;
  }

  /** Starts {@link PostgresMain} supervised under {@code name} and waits for its readiness line. */
  void startPostgres(String name, List<String> args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ServiceProcesses.java(),
                "-Xmx128m",
                "-cp",
                absoluteClasspath(),
                PostgresMain.class.getName()));
    command.addAll(args);
    int port = port(name);
    SupervisedChild child =
        new SupervisedChild(
            new ChildSpec(
                "postgres-" + name,
                command,
                logs().resolve("postgres-" + name + ".log"),
                Readiness.logLine("POSTGRES READY port=" + port),
                Duration.ofSeconds(30)),
            scheduler);
    child.start();
    postgres.put(name, child);
    await().atMost(POSTGRES_READY).pollInterval(Duration.ofMillis(200)).until(child::isReady);
  }

  /** The services, connected to every server that may be primary; waits until all are ready. */
  void startServices() {
    startServices(List.of());
  }

  /**
   * The same, the gateway with {@code gatewayArgs} added (e.g. the re-import of callbacks after a
   * restore).
   */
  void startServices(List<String> gatewayArgs) {
    List<Integer> standbys = new ArrayList<>(List.of(port(STANDBY)));
    if (delayedApply != null) {
      standbys.add(port(DELAYED));
    }
    if (kafkaCluster != null) {
      startInstances(standbys);
      return;
    }
    Endpoints endpoints =
        new Endpoints(HOST, SharedInfrastructure.kafka().port(), port("primary"), standbys);
    specs =
        ServiceCatalog.services(
            endpoints,
            logins,
            name -> {
              List<String> args = new ArrayList<>(ServiceProcesses.testArgs(topicPrefix));
              if (name.equals("gateway")) {
                args.addAll(gatewayArgs);
              }
              return args;
            },
            httpPorts::get);
    provider.webhookUrl(baseUrl("gateway") + "/v1/webhooks/" + DemoProvider.NAME);
    services.addAll(ServiceProcesses.start(specs, logs(), scheduler));
  }

  /**
   * Two instances of every service against the cluster's brokers, in the local stack's two waves
   * (every first instance, then every second).
   */
  private void startInstances(List<Integer> standbys) {
    Endpoints endpoints =
        new Endpoints(HOST, clusterPorts.brokers().get(0), port("primary"), standbys)
            .withBrokers(clusterPorts.brokers());
    specs =
        ClusterServices.instances(
            endpoints,
            logins,
            clusterPorts,
            clusterTimeouts,
            root.resolve("reconciliation-state"),
            name -> ServiceProcesses.clusterTestArgs(topicPrefix));
    provider.webhookUrls(
        instanceUrls("gateway").stream()
            .map(gateway -> gateway + "/v1/webhooks/" + DemoProvider.NAME)
            .toList());
    for (List<ServiceSpec> wave : ClusterServices.waves(specs)) {
      services.addAll(ServiceProcesses.start(wave, logs(), scheduler));
    }
  }

  void stopServices() {
    services.parallelStream().forEach(SupervisedChild::stop);
    services.clear();
  }

  /** Stops a PostgreSQL server for good (the supervisor will not bring it back). */
  void stopPostgres(String name) {
    SupervisedChild child = postgres.remove(name);
    if (child != null) {
      child.stop();
    }
  }

  /**
   * Kills the server's postmaster with SIGKILL, as a crash would: its supervising process notices
   * and exits, and is restarted unless {@link SupervisedChild#stopRestarting()} was called.
   */
  void killPostmaster(String name) throws Exception {
    List<String> pidFile = Files.readAllLines(dataDir(name).resolve("postmaster.pid"));
    long pid = Long.parseLong(pidFile.get(0).strip());
    new ProcessBuilder("kill", "-KILL", Long.toString(pid)).inheritIO().start().waitFor();
  }

  /** Runs statements as the superuser on the server's {@code postgres} database. */
  void execute(String server, String... statements) {
    try (Connection connection = superuser(server, "postgres");
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + Arrays.toString(statements), e);
    }
  }

  Path logs() {
    return Path.of("target", "e2e-logs", topicPrefix.replace(".", "")).toAbsolutePath();
  }

  @Override
  public void close() {
    stopServices();
    provider.close();
    List.copyOf(postgres.keySet()).forEach(this::stopPostgres);
    brokers.values().parallelStream().forEach(SupervisedChild::stop);
    scheduler.shutdownNow();
    Directories.deleteRecursively(root);
  }

  private static String absoluteClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }
}
