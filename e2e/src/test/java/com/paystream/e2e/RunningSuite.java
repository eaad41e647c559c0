package com.paystream.e2e;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.testkit.SharedInfrastructure;
import com.paystream.testkit.kafka.KafkaBroker;
import com.paystream.testkit.postgres.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The four services as separate processes ({@code java -jar …-exec.jar}, exactly as the local stack
 * runs them, with the same arguments from {@link ServiceCatalog}) against this JVM's real broker
 * and PostgreSQL, on free ports and behind a topic prefix of their own. Started once per test JVM.
 */
final class RunningSuite implements ServiceUrls {

  private static RunningSuite instance;

  private final String topicPrefix;
  private final List<ServiceSpec> specs;
  private final List<SupervisedChild> children = new ArrayList<>();
  private final ProviderSimulator provider;

  private RunningSuite(String topicPrefix, List<ServiceSpec> specs, ProviderSimulator provider) {
    this.topicPrefix = topicPrefix;
    this.specs = specs;
    this.provider = provider;
  }

  /** The payment provider the gateway calls and that sends the gateway its webhooks. */
  ProviderSimulator provider() {
    return provider;
  }

  static synchronized RunningSuite get() {
    if (instance == null) {
      instance = start();
      Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "suite-stop"));
    }
    return instance;
  }

  String topicPrefix() {
    return topicPrefix;
  }

  @Override
  public String baseUrl(String service) {
    return spec(service).baseUrl();
  }

  SupervisedChild child(String service) {
    return children.stream().filter(c -> c.name().equals(service)).findFirst().orElseThrow();
  }

  /**
   * Every secret the suite was started with: the services' environment (database passwords, the
   * webhook signing secret) and every demo API key.
   */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    specs.forEach(spec -> secrets.addAll(spec.environment().values()));
    DemoProvider.PRINCIPALS.forEach(principal -> secrets.add(principal.apiKey()));
    secrets.add(DemoProvider.WEBHOOK_SECRET);
    return secrets;
  }

  /** Where the services' logs are. */
  static Path logs() {
    return Path.of("target", "e2e-logs").toAbsolutePath();
  }

  private ServiceSpec spec(String service) {
    return specs.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
  }

  private static RunningSuite start() {
    KafkaBroker kafka = SharedInfrastructure.kafka();
    Postgres postgres = SharedInfrastructure.postgres();
    ServiceCatalog.DATABASES.forEach(postgres::createDatabase);
    // As the local stack does: the services connect as their runtime roles, Flyway as the owners.
    DatabaseLogins logins = DatabaseLogins.generate();
    try (Connection superuser = postgres.dataSource("postgres").getConnection()) {
      logins.provision(superuser);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database roles", e);
    }
    Endpoints endpoints = new Endpoints("127.0.0.1", kafka.port(), postgres.port());
    String prefix = SharedInfrastructure.uniqueName("e2e") + ".";
    Map<String, Integer> ports = ServiceProcesses.freePorts();
    List<ServiceSpec> specs =
        ServiceCatalog.services(
            endpoints, logins, name -> ServiceProcesses.testArgs(prefix), ports::get);
    ProviderSimulator provider =
        new ProviderSimulator(
            DemoProvider.WEBHOOK_SECRET, 42, DemoProvider.NAME, ports.get(ServiceCatalog.PROVIDER));
    RunningSuite suite = new RunningSuite(prefix, specs, provider);
    provider.webhookUrl(suite.baseUrl("gateway") + "/v1/webhooks/" + DemoProvider.NAME);
    suite.startChildren();
    return suite;
  }

  private void startChildren() {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "e2e-supervisor");
              t.setDaemon(true);
              return t;
            });
    children.addAll(ServiceProcesses.start(specs, logs(), scheduler));
  }

  private void stop() {
    children.parallelStream().forEach(SupervisedChild::stop);
    provider.close();
  }

  static String webhookSecret() {
    return DemoProvider.WEBHOOK_SECRET;
  }
}
