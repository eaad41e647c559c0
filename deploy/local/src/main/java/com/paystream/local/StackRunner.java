package com.paystream.local;

import com.paystream.local.chaos.Chaos;
import com.paystream.local.chaos.ChaosTarget;
import com.paystream.local.cluster.ClusterPorts;
import com.paystream.local.cluster.ClusterServices;
import com.paystream.local.cluster.KafkaCluster;
import com.paystream.local.cluster.KafkaTimeouts;
import com.paystream.local.demo.DemoProvider;
import com.paystream.local.live.CheckResult;
import com.paystream.local.live.LiveCheck;
import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.scenario.DayScenario;
import com.paystream.local.scenario.DaySummary;
import com.paystream.local.scenario.Disturbance;
import com.paystream.local.scenario.ScenarioFailure;
import com.paystream.local.scenario.ScenarioSettings;
import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ExtraArgs;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.testkit.postgres.Postgres;
import com.paystream.testkit.postgres.backup.BackupScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the stack, waits for it, prints where everything is, and stops it in order. */
final class StackRunner {

  private static final Logger log = LoggerFactory.getLogger(StackRunner.class);
  private static final Duration INFRASTRUCTURE_READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration READY_POLL = Duration.ofMillis(500);
  private static final int LOG_TAIL_LINES = 25;

  private final RepositoryLayout repository;
  private final StackOptions options;
  private final Endpoints endpoints;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "supervisor");
            thread.setDaemon(true);
            return thread;
          });
  private final List<SupervisedChild> services = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();
  private boolean shuttingDown;
  private boolean stopped;
  private volatile Integer scenarioStatus;
  private volatile SupervisedChild kafka;
  private final List<SupervisedChild> brokers = new CopyOnWriteArrayList<>();
  private volatile KafkaCluster kafkaCluster;
  private volatile DatabaseServers databases;
  private volatile BackupScheduler backupScheduler;
  private volatile DataDirectory data;
  private volatile ProviderSimulator provider;
  private volatile SupervisedChild prometheus;
  private volatile Instant prometheusStartedAt;
  // The live check froze the ledger: resume it before stopping it, or SIGTERM waits in vain.
  private volatile boolean ledgerFrozen;
  // New passwords on every run: nothing to keep, nothing committed.
  private final DatabaseLogins logins = DatabaseLogins.generate();

  StackRunner(RepositoryLayout repository, StackOptions options) {
    this.repository = repository;
    this.options = options;
    Endpoints databases = endpoints(options.databases());
    this.endpoints =
        options.cluster().enabled() ? databases.withBrokers(CLUSTER_PORTS.brokers()) : databases;
  }

  /** Where the cluster's brokers and instances listen (cluster mode). */
  static final ClusterPorts CLUSTER_PORTS = ClusterPorts.defaults();

  /** The services' specs: one of each, or in cluster mode two instances of each. */
  List<ServiceSpec> serviceSpecs() {
    if (!options.cluster().enabled()) {
      return ServiceCatalog.services(endpoints, logins, this::singleNodeArgs);
    }
    return ClusterServices.instances(
        endpoints,
        logins,
        CLUSTER_PORTS,
        KafkaTimeouts.CLUSTER,
        reconciliationState(),
        this::extraArgs);
  }

  /**
   * Reconciliation keeps its Kafka Streams state in the data directory, beside the broker's data it
   * is built from: a fresh data directory (every day scenario) starts both empty, instead of a new
   * broker under the last run's state in the system's temporary directory.
   */
  private List<String> singleNodeArgs(String service) {
    List<String> args = new ArrayList<>();
    if (service.equals("reconciliation")) {
      args.add("--paystream.recon.state-dir=" + reconciliationState().toAbsolutePath());
    }
    args.addAll(extraArgs(service));
    return args;
  }

  /** Reconciliation's Kafka Streams state (in cluster mode, a directory per instance below it). */
  private Path reconciliationState() {
    return options.dataDir().resolve("reconciliation-state");
  }

  /** With replicas, the services' database URLs name the standbys too and follow the primary. */
  static Endpoints endpoints(StackOptions.DatabaseOptions databases) {
    Endpoints single = Endpoints.DEFAULTS;
    if (!databases.replicas()) {
      return single;
    }
    return new Endpoints(
        single.host(),
        single.kafkaPort(),
        single.postgresPort(),
        List.of(single.postgresPort() + 1, single.postgresPort() + 2));
  }

  /**
   * The arguments given on the launcher's environment, and after a restore the gateway's re-import
   * of the callbacks its restored inbox lacks (from {@code payments.callbacks.v1}), before it is
   * ready.
   */
  private List<String> extraArgs(String service) {
    List<String> args = new ArrayList<>();
    if (service.equals("gateway") && options.restore().isPresent()) {
      args.add("--paystream.callback-reimport.enabled=true");
    }
    args.addAll(ExtraArgs.fromRuntime().forService(service));
    return args;
  }

  /** Runs until the JVM is told to stop; returns an exit status only when starting failed. */
  int run() {
    List<ServiceSpec> serviceSpecs = serviceSpecs();
    try {
      checkPrerequisites(serviceSpecs);
      data = DataDirectory.open(options.dataDir(), options.fresh());
      if (options.restore().isPresent()) {
        new DatabaseRestore(data, backups().archive(data.clusterId())).run(options.restore().get());
      }
    } catch (IllegalStateException | UncheckedIOException e) {
      log.error(e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "local-stack-stop"));
    try {
      startAll(serviceSpecs);
    } catch (IllegalStateException e) {
      log.error(e.getMessage());
      return 1;
    }
    if (options.scenario().isEmpty()) {
      System.out.println(readyReport(serviceSpecs));
      System.out.println(CTRL_C);
      System.out.flush();
      awaitTermination();
      return 0;
    }
    int status = runScenario(options.scenario().get(), serviceSpecs);
    if (options.observation().liveCheck()) {
      LiveCheck.Report report = liveCheck(serviceSpecs, status);
      stopAll();
      return report.passed() ? 0 : 1;
    }
    if (options.exitAfterScenario()) {
      stopAll();
      return status;
    }
    scenarioStatus = status;
    System.out.println(CTRL_C + " The exit status is the day's: " + status + ".");
    System.out.flush();
    awaitTermination();
    return status;
  }

  private static final String CTRL_C =
      "\nCtrl-C stops everything (services first, then Kafka, then PostgreSQL).";

  /** Runs the day, prints where to look and its summary; 0 when the day passed. */
  private int runScenario(ScenarioSettings settings, List<ServiceSpec> serviceSpecs) {
    DayScenario.Services urls =
        new DayScenario.Services(
            urls(serviceSpecs, "gateway"),
            urls(serviceSpecs, "relay"),
            urls(serviceSpecs, "ledger"),
            urls(serviceSpecs, "reconciliation"));
    System.out.printf(
        "%nThe stack is ready. Running a day of %d payments (seed %d; rerun it with --seed %d).%n%n",
        settings.payments(), settings.seed(), settings.seed());
    System.out.flush();
    DaySummary summary;
    try {
      boolean terminal = System.console() != null;
      Disturbance chaos =
          options.cluster().chaos()
              ? new Chaos(chaosTarget(serviceSpecs), Chaos.Pacing.DEFAULT, System.out, terminal)
              : Disturbance.NONE;
      summary = new DayScenario(urls, provider, settings, System.out, terminal, chaos).run();
    } catch (ScenarioFailure e) {
      System.out.println("\nThe day could not finish: " + e.getMessage());
      System.out.println(readyReport(serviceSpecs));
      return 1;
    }
    System.out.println(readyReport(serviceSpecs));
    System.out.print(summary.explore(urls));
    System.out.print(summary.render());
    System.out.flush();
    return summary.passed() ? 0 : 1;
  }

  private String readyReport(List<ServiceSpec> serviceSpecs) {
    return ReadyReport.render(
        data,
        endpoints,
        serviceSpecs,
        provider.baseUrl(),
        prometheus == null
            ? java.util.Optional.empty()
            : java.util.Optional.of(ChildCommands.prometheusUrl(endpoints)));
  }

  /** After the day, on the same stack: panels, alerts, logs (see {@link LiveCheck}). */
  private LiveCheck.Report liveCheck(List<ServiceSpec> serviceSpecs, int dayStatus) {
    SupervisedChild ledger =
        services.stream().filter(child -> child.name().equals("ledger")).findFirst().orElseThrow();
    LiveStackView stack =
        new LiveStackView(
            repository,
            data,
            serviceSpecs,
            ledger,
            ChildCommands.prometheusUrl(endpoints),
            prometheusStartedAt,
            () -> ledgerFrozen = true,
            () -> ledgerFrozen = false);
    CheckResult day =
        CheckResult.of(
            "the day passed",
            dayStatus == 0,
            dayStatus == 0 ? "PASSED (summary above)" : "FAILED (summary above)",
            List.of());
    return new LiveCheck(stack, System.out).run(day);
  }

  private static String url(List<ServiceSpec> specs, String name) {
    return urls(specs, name).get(0);
  }

  /** The base URL of every instance of a service ({@code gateway}, or {@code gateway-1}, …). */
  static List<String> urls(List<ServiceSpec> specs, String service) {
    return specs.stream()
        .filter(
            spec ->
                ClusterServices.serviceOf(spec.name()).equals(service)
                    || spec.name().equals(service))
        .map(ServiceSpec::baseUrl)
        .toList();
  }

  /** What the chaos acts on: this stack's brokers, instances and PostgreSQL primary. */
  private ChaosTarget chaosTarget(List<ServiceSpec> specs) {
    Map<Integer, SupervisedChild> byNode = new LinkedHashMap<>();
    for (KafkaCluster.Node node : kafkaCluster.nodes()) {
      byNode.put(
          node.id(),
          brokers.stream().filter(b -> b.name().equals(node.name())).findFirst().orElseThrow());
    }
    Map<String, SupervisedChild> instances = new LinkedHashMap<>();
    services.forEach(child -> instances.put(child.name(), child));
    Map<String, String> baseUrls = new LinkedHashMap<>();
    specs.forEach(spec -> baseUrls.put(spec.name(), spec.baseUrl()));
    return new ChaosTarget(
        kafkaCluster,
        byNode,
        instances,
        baseUrls,
        databases.children().get(0),
        data.postgres(),
        KafkaTimeouts.CLUSTER);
  }

  /** Ctrl-C: stop everything; after a day scenario, exit with its status rather than 130. */
  private void stopOnSignal() {
    stopAll();
    Integer status = scenarioStatus;
    if (status != null) {
      Runtime.getRuntime().halt(status);
    }
  }

  private void startAll(List<ServiceSpec> serviceSpecs) {
    if (options.databases().replicas()
        && data.hasCluster()
        && !Files.exists(data.postgres().resolve("PG_VERSION"))) {
      throw new IllegalStateException(
          "the primary's data in "
              + data.postgres()
              + " is gone, and an empty database must not take its place: restore it"
              + " (./deploy/local/run.sh restore --from-standby, or --to INSTANT; see"
              + " docs/runbooks/restore.md), or start from empty with --fresh");
    }
    Path walArchive =
        options.databases().replicas() ? backups().archive(data.clusterId()).wal() : null;
    ChildCommands commands = new ChildCommands(repository, data, endpoints, walArchive);
    log.info(
        "Starting PostgreSQL on port {} and Kafka on {}",
        endpoints.postgresPort(),
        endpoints.kafkaBootstrap());
    startKafka(commands);
    databases = new DatabaseServers(commands, endpoints, options.databases(), this::start);
    databases.start(children -> awaitReady(children, INFRASTRUCTURE_READY_TIMEOUT));
    awaitReady(brokers, INFRASTRUCTURE_READY_TIMEOUT);
    provisionDatabaseRoles();
    startBackups();
    int providerPort = ServiceCatalog.DEFAULT_PORTS.get(ServiceCatalog.PROVIDER);
    log.info("Starting the provider simulator on port {}", providerPort);
    long seed = options.scenario().map(ScenarioSettings::seed).orElseGet(System::nanoTime);
    provider =
        new ProviderSimulator(DemoProvider.WEBHOOK_SECRET, seed, DemoProvider.NAME, providerPort);
    provider.webhookUrls(
        urls(serviceSpecs, "gateway").stream()
            .map(gateway -> gateway + "/v1/webhooks/" + DemoProvider.NAME)
            .toList());
    startPrometheus(commands);
    log.info("Starting {} services", serviceSpecs.size());
    for (List<ServiceSpec> wave : ClusterServices.waves(serviceSpecs)) {
      List<SupervisedChild> started = new ArrayList<>();
      for (ServiceSpec spec : wave) {
        started.add(start(commands.service(spec, HttpReadiness.of(spec.readinessUrl()))));
      }
      services.addAll(started);
      awaitReady(started, options.readyTimeout());
    }
  }

  /**
   * One broker, or the cluster's three at once (a node is ready only once a quorum of them is up).
   */
  private void startKafka(ChildCommands commands) {
    if (!options.cluster().enabled()) {
      kafka = start(commands.kafka());
      brokers.add(kafka);
      return;
    }
    kafkaCluster = KafkaCluster.in(data.root().resolve("kafka-cluster"), CLUSTER_PORTS);
    log.info(
        "Kafka cluster {}: nodes {}, voters {}",
        kafkaCluster.clusterId(),
        kafkaCluster.bootstrapServers(),
        kafkaCluster.voters());
    for (KafkaCluster.Node node : kafkaCluster.nodes()) {
      brokers.add(start(kafkaCluster.spec(node, "-Xmx512m", data::log)));
    }
  }

  /** Before the services, so that it scrapes them from their first second. */
  private void startPrometheus(ChildCommands commands) {
    if (!options.observation().prometheus()) {
      return;
    }
    String url = ChildCommands.prometheusUrl(endpoints);
    log.info("Starting Prometheus on {}", url);
    prometheusStartedAt = Instant.now();
    prometheus = start(commands.prometheus(HttpReadiness.ok(url + "/-/ready")));
    awaitReady(List.of(prometheus), INFRASTRUCTURE_READY_TIMEOUT);
  }

  private LocalBackups backups() {
    return new LocalBackups(options.databases().backupDir());
  }

  /** With replicas: base backups on schedule, from the first minute. */
  private void startBackups() {
    if (!options.databases().replicas()) {
      return;
    }
    PGSimpleDataSource primary = new PGSimpleDataSource();
    primary.setURL(endpoints.jdbcUrl("postgres"));
    primary.setUser(Postgres.USERNAME);
    primary.setPassword(Postgres.PASSWORD);
    backupScheduler =
        backups().schedule(data.clusterId(), primary, data.postgres(), options.databases());
    log.info(
        "Backups of cluster {} go to {}",
        data.clusterId(),
        backups().archive(data.clusterId()).root());
  }

  private void stopBackups() {
    if (backupScheduler != null) {
      backupScheduler.close();
    }
  }

  /**
   * The superuser's only job in the stack: each database's owner and each service's runtime role,
   * with this run's passwords. The services never log in as the superuser.
   */
  private void provisionDatabaseRoles() {
    try (Connection superuser =
        DriverManager.getConnection(
            endpoints.jdbcUrl("postgres"), Postgres.USERNAME, Postgres.PASSWORD)) {
      logins.provision(superuser);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database roles: " + e.getMessage(), e);
    }
    log.info("Database roles ready: {}", logins);
  }

  /** Under the lifecycle lock, so that a Ctrl-C during startup never misses a child. */
  private SupervisedChild start(ChildSpec spec) {
    synchronized (lifecycle) {
      if (shuttingDown) {
        throw new IllegalStateException("stopped while starting");
      }
      SupervisedChild child = new SupervisedChild(spec, scheduler);
      child.start();
      return child;
    }
  }

  private void awaitReady(List<SupervisedChild> children, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<SupervisedChild> waiting = children.stream().filter(child -> !child.isReady()).toList();
      if (waiting.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        waiting.forEach(this::logTail);
        throw new IllegalStateException(
            "not ready within "
                + timeout.toSeconds()
                + " s: "
                + String.join(", ", waiting.stream().map(SupervisedChild::name).toList()));
      }
      sleep(READY_POLL);
    }
  }

  /** Services first (they still flush to Kafka and PostgreSQL), then Kafka, then PostgreSQL. */
  private void stopAll() {
    List<SupervisedChild> runningServices;
    synchronized (lifecycle) {
      if (stopped) {
        return;
      }
      stopped = true;
      shuttingDown = true;
      runningServices = List.copyOf(services);
    }
    log.info("Stopping the local stack");
    brokers.forEach(SupervisedChild::stopRestarting);
    if (databases != null) {
      databases.stopRestarting();
    }
    stopBackups();
    List<Thread> stopping =
        runningServices.stream()
            .map(child -> new Thread(child::stop, "stop-" + child.name()))
            .toList();
    resumeFrozenLedger(runningServices);
    stopping.forEach(Thread::start);
    stopping.forEach(StackRunner::join);
    if (prometheus != null) {
      prometheus.stop();
    }
    if (provider != null) {
      provider.close();
    }
    // All brokers at once: a cluster that lost its quorum's majority would not let the last stop.
    List<Thread> stoppingBrokers =
        brokers.stream().map(child -> new Thread(child::stop, "stop-" + child.name())).toList();
    stoppingBrokers.forEach(Thread::start);
    stoppingBrokers.forEach(StackRunner::join);
    if (databases != null) {
      databases.stop();
    }
    scheduler.shutdownNow();
    if (data != null) {
      data.close();
    }
    log.info("Local stack stopped");
  }

  private void resumeFrozenLedger(List<SupervisedChild> runningServices) {
    if (!ledgerFrozen) {
      return;
    }
    runningServices.stream()
        .filter(child -> child.name().equals("ledger"))
        .forEach(
            ledger -> {
              try {
                ledger.signal("CONT");
              } catch (IllegalStateException e) {
                log.warn("Cannot resume the frozen ledger: {}", e.getMessage());
              }
            });
    ledgerFrozen = false;
  }

  private void checkPrerequisites(List<ServiceSpec> serviceSpecs) {
    List<String> missing = new ArrayList<>();
    for (ServiceSpec spec : serviceSpecs) {
      Path jar = spec.execJar(repository.root(), repository.version());
      if (!Files.isRegularFile(jar)) {
        missing.add(jar.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "service jars missing (build with ./mvnw -DskipTests install): "
              + String.join(", ", missing));
    }
    if (!onPath("setsid")) {
      throw new IllegalStateException("the local stack needs setsid (util-linux) on the PATH");
    }
    if (options.cluster().enabled()) {
      CLUSTER_PORTS.brokers().forEach(port -> checkPortFree(port, "kafka"));
      CLUSTER_PORTS.controllers().forEach(port -> checkPortFree(port, "a kafka controller"));
    } else {
      checkPortFree(endpoints.kafkaPort(), "kafka");
    }
    serviceSpecs.forEach(spec -> checkPortFree(spec.port(), spec.name()));
    if (options.observation().prometheus()) {
      if (!onPath("prometheus")) {
        throw new IllegalStateException(
            "--prometheus and --live-check need prometheus on the PATH: apt-get install"
                + " prometheus (Debian, Ubuntu), or the binary from"
                + " https://prometheus.io/download/");
      }
      checkPortFree(ChildCommands.PROMETHEUS_PORT, "prometheus");
    }
    checkPortFree(
        ServiceCatalog.DEFAULT_PORTS.get(ServiceCatalog.PROVIDER), "the provider simulator");
  }

  /**
   * PostgreSQL's port is left out: a server that a killed run left behind on our own data directory
   * holds it, and the PostgreSQL child stops that one itself.
   */
  private static void checkPortFree(int port, String user) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " (for " + user + ") is already in use");
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private void logTail(SupervisedChild child) {
    List<String> lines = child.outputSinceStart().lines().toList();
    List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
    log.error(
        "{} is not ready; last lines of {}:\n{}",
        child.name(),
        child.spec().logFile(),
        String.join("\n", tail));
  }

  private static void awaitTermination() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting", e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
