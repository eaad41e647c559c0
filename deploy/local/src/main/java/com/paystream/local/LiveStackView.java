package com.paystream.local;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.live.LiveStack;
import com.paystream.local.process.SupervisedChild;
import com.paystream.local.services.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The running single-node stack as the live check sees it. Its secrets are the ones the launcher
 * hands the services (each service's environment: database passwords, the webhook signing secret,
 * the seal key) and the demo principals' API keys the day sends; the seal's public key is no
 * secret, and neither is the superuser's fixed {@code postgres}/{@code postgres} of the testkit
 * (its password is its name, which every PostgreSQL log line may print).
 */
final class LiveStackView implements LiveStack {

  private final RepositoryLayout repository;
  private final DataDirectory data;
  private final List<ServiceSpec> specs;
  private final SupervisedChild ledger;
  private final String prometheusUrl;
  private final Instant observedSince;
  private final Runnable onFreeze;
  private final Runnable onResume;

  LiveStackView(
      RepositoryLayout repository,
      DataDirectory data,
      List<ServiceSpec> specs,
      SupervisedChild ledger,
      String prometheusUrl,
      Instant observedSince,
      Runnable onFreeze,
      Runnable onResume) {
    this.repository = repository;
    this.data = data;
    this.specs = List.copyOf(specs);
    this.ledger = ledger;
    this.prometheusUrl = prometheusUrl;
    this.observedSince = observedSince;
    this.onFreeze = onFreeze;
    this.onResume = onResume;
  }

  @Override
  public String prometheusUrl() {
    return prometheusUrl;
  }

  @Override
  public Instant observedSince() {
    return observedSince;
  }

  @Override
  public String gatewayUrl() {
    return StackRunner.urls(specs, "gateway").get(0);
  }

  @Override
  public Path repositoryRoot() {
    return repository.root();
  }

  @Override
  public Map<String, Path> logs() {
    Map<String, Path> logs = new TreeMap<>();
    try (Stream<Path> files = Files.list(data.root().resolve("logs"))) {
      files
          .filter(file -> file.getFileName().toString().endsWith(".log"))
          .forEach(
              file -> logs.put(file.getFileName().toString().replaceFirst("\\.log$", ""), file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the stack's logs", e);
    }
    return logs;
  }

  @Override
  public Map<String, String> secrets() {
    return secrets(specs);
  }

  static Map<String, String> secrets(List<ServiceSpec> specs) {
    Map<String, String> secrets = new TreeMap<>();
    for (ServiceSpec spec : specs) {
      spec.environment()
          .forEach(
              (variable, value) -> {
                if (!variable.contains("PUBLIC")) {
                  secrets.put(spec.name() + " " + variable, value);
                }
              });
    }
    for (DemoProvider.Principal principal : DemoProvider.PRINCIPALS) {
      secrets.put("API key of " + principal.name(), principal.apiKey());
    }
    return secrets;
  }

  @Override
  public void freezeLedger() {
    onFreeze.run();
    ledger.signal("STOP");
  }

  @Override
  public void resumeLedger() {
    ledger.signal("CONT");
    onResume.run();
  }
}
