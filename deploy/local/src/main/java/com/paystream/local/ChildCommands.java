package com.paystream.local;

import com.paystream.local.process.ChildSpec;
import com.paystream.local.process.JavaCommand;
import com.paystream.local.process.Readiness;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.testkit.kafka.KafkaBrokerMain;
import com.paystream.testkit.postgres.PostgresMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command lines of the children. */
final class ChildCommands {

  /** Where Prometheus listens; {@code deploy/observability/local/prometheus.yml} says the same. */
  static final int PROMETHEUS_PORT = 9090;

  /** Its configuration: the four services' ports, the suite's rules with the fast thresholds. */
  static final Path PROMETHEUS_CONFIG =
      Path.of("deploy", "observability", "local", "prometheus.yml");

  private static final Duration PROMETHEUS_STOP_TIMEOUT = Duration.ofSeconds(20);

  private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(40);
  private static final Duration KAFKA_STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POSTGRES_STOP_TIMEOUT = Duration.ofSeconds(30);

  private final RepositoryLayout repository;
  private final DataDirectory data;
  private final Endpoints endpoints;
  private final Path walArchive;

  /**
   * @param walArchive where the primary archives its WAL and the standbys read it back; {@code
   *     null} for a primary that archives nothing
   */
  ChildCommands(
      RepositoryLayout repository, DataDirectory data, Endpoints endpoints, Path walArchive) {
    this.repository = repository;
    this.data = data;
    this.endpoints = endpoints;
    this.walArchive = walArchive;
  }

  ChildSpec kafka() {
    List<String> command =
        infrastructure(
            "-Xmx768m",
            KafkaBrokerMain.class,
            "--data-dir",
            data.kafka().toString(),
            "--port",
            Integer.toString(endpoints.kafkaPort()));
    return new ChildSpec(
        "kafka",
        command,
        data.log("kafka"),
        Readiness.logLine("KAFKA READY bootstrap=" + endpoints.kafkaBootstrap()),
        KAFKA_STOP_TIMEOUT);
  }

  ChildSpec postgres() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data-dir",
                data.postgres().toString(),
                "--port",
                Integer.toString(endpoints.postgresPort())));
    ServiceCatalog.DATABASES.forEach(database -> args.addAll(List.of("--database", database)));
    if (walArchive != null) {
      args.addAll(List.of("--archive", walArchive.toString()));
    }
    // The first start may create the cluster; a restart after a crash must find it, or the
    // services would carry on in an empty one (with replicas, a sync standby holds the books).
    return postgresChild("postgres", endpoints.postgresPort(), args)
        .withRestartArgs("--if-missing", "refuse");
  }

  /**
   * A standby of the primary, named {@code name} (its {@code application_name}), applying the
   * primary's changes {@code applyDelay} late (zero: at once). Its first start copies the primary
   * (a base backup); later starts resume from its own data.
   */
  ChildSpec standby(String name, int port, Duration applyDelay) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data-dir",
                data.postgres(name).toString(),
                "--port",
                Integer.toString(port),
                "--standby-of",
                endpoints.host() + ":" + endpoints.postgresPort(),
                "--primary-data-dir",
                data.postgres().toString(),
                "--name",
                name,
                "--archive",
                walArchive.toString()));
    if (!applyDelay.isZero()) {
      args.addAll(List.of("--apply-delay", Long.toString(applyDelay.toSeconds())));
    }
    return postgresChild("postgres-" + name, port, args);
  }

  private ChildSpec postgresChild(String name, int port, List<String> args) {
    return new ChildSpec(
        name,
        infrastructure("-Xmx128m", PostgresMain.class, args.toArray(String[]::new)),
        data.log(name),
        Readiness.logLine("POSTGRES READY port=" + port),
        POSTGRES_STOP_TIMEOUT);
  }

  /**
   * Prometheus from the PATH, its data under the stack's data directory (wiped with it), scraping
   * every 5 s and evaluating the rules with the fast thresholds.
   */
  ChildSpec prometheus(Readiness readiness) {
    List<String> command =
        List.of(
            "prometheus",
            "--config.file=" + repository.root().resolve(PROMETHEUS_CONFIG),
            "--storage.tsdb.path=" + data.root().resolve("prometheus"),
            "--storage.tsdb.retention.time=2d",
            "--web.listen-address=" + endpoints.host() + ":" + PROMETHEUS_PORT);
    return new ChildSpec(
        "prometheus", command, data.log("prometheus"), readiness, PROMETHEUS_STOP_TIMEOUT);
  }

  static String prometheusUrl(Endpoints endpoints) {
    return "http://" + endpoints.host() + ":" + PROMETHEUS_PORT;
  }

  ChildSpec service(ServiceSpec service, Readiness readiness) {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-jar"));
    command.add(service.execJar(repository.root(), repository.version()).toString());
    command.addAll(service.args());
    return new ChildSpec(
        service.name(),
        command,
        data.log(service.name()),
        readiness,
        SERVICE_STOP_TIMEOUT,
        service.environment());
  }

  /** The broker and the database run from the launcher's own classpath (testkit and its jars). */
  private static List<String> infrastructure(String heap, Class<?> main, String... args) {
    return JavaCommand.ownClasspath(heap, main, Arrays.asList(args));
  }

  private static String java() {
    return JavaCommand.java();
  }
}
