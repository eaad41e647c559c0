package com.paystream.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus the launcher starts reads {@code deploy/observability/local/prometheus.yml}: its
 * scrape jobs must be the services at the ports the launcher gives them, each job named after its
 * module (the rules and dashboards tell services apart by {@code job}).
 */
class LocalPrometheusConfigTest {

  private static final Path ROOT = Path.of("..", "..");
  private static final Pattern JOB =
      Pattern.compile(
          "job_name: (\\S+)\\s+metrics_path: /actuator/prometheus\\s+static_configs:"
              + "\\s+- targets: \\[\"127\\.0\\.0\\.1:(\\d+)\"]");

  @Test
  void scrapesEveryServiceAtItsPortUnderItsModulesName() throws Exception {
    String config = Files.readString(ROOT.resolve(ChildCommands.PROMETHEUS_CONFIG));
    Map<String, Integer> scraped = new java.util.TreeMap<>();
    Matcher jobs = JOB.matcher(config);
    while (jobs.find()) {
      scraped.put(jobs.group(1), Integer.parseInt(jobs.group(2)));
    }

    List<ServiceSpec> services =
        ServiceCatalog.services(Endpoints.DEFAULTS, DatabaseLogins.generate(), name -> List.of());
    Map<String, Integer> expected = new java.util.TreeMap<>();
    services.forEach(spec -> expected.put(spec.module(), spec.port()));
    assertThat(scraped).isEqualTo(expected);
  }

  @Test
  void itsUsageCommentListensWhereTheLauncherStartsIt() throws Exception {
    String config = Files.readString(ROOT.resolve(ChildCommands.PROMETHEUS_CONFIG));

    assertThat(config).contains("127.0.0.1:" + ChildCommands.PROMETHEUS_PORT);
    assertThat(config).contains("thresholds-fast.yml");
  }

  @Test
  void theLiveCheckLooksForEverySecretPassedToAServiceButNotThePublicKey() {
    List<ServiceSpec> services =
        ServiceCatalog.services(Endpoints.DEFAULTS, DatabaseLogins.generate(), name -> List.of());

    Map<String, String> secrets = LiveStackView.secrets(services);

    assertThat(secrets.keySet())
        .contains(
            "gateway SPRING_R2DBC_PASSWORD",
            "relay SPRING_DATASOURCE_PASSWORD",
            "ledger SPRING_FLYWAY_PASSWORD",
            "ledger PAYSTREAM_LEDGER_SEAL_PRIVATEKEY",
            "gateway PAYSTREAM_WEBHOOKS_PROVIDERS_SIMULATOR_SECRETS_0_",
            "API key of m-demo");
    assertThat(secrets.keySet()).noneMatch(name -> name.contains("PUBLIC"));
  }
}
