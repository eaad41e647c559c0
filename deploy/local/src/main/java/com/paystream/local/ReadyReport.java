package com.paystream.local;

import com.paystream.local.demo.DemoProvider;
import com.paystream.local.demo.PaymentSnippet;
import com.paystream.local.demo.WebhookSnippet;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceCatalog;
import com.paystream.local.services.ServiceSpec;
import com.paystream.testkit.postgres.Postgres;
import java.util.List;

/** What the launcher prints once everything is ready. */
final class ReadyReport {

  private static final String ROW = "  %-15s %-44s %-48s %s%n";

  private ReadyReport() {}

  static String render(
      DataDirectory data, Endpoints endpoints, List<ServiceSpec> services, String providerUrl) {
    return render(data, endpoints, services, providerUrl, java.util.Optional.empty());
  }

  /**
   * @param prometheusUrl where the stack's Prometheus answers, when it runs one
   */
  static String render(
      DataDirectory data,
      Endpoints endpoints,
      List<ServiceSpec> services,
      String providerUrl,
      java.util.Optional<String> prometheusUrl) {
    StringBuilder out = new StringBuilder();
    out.append("\npaystream local stack is ready (data in ").append(data.root()).append(")\n\n");
    out.append(String.format(ROW, "service", "health", "metrics", "API"));
    for (ServiceSpec service : services) {
      out.append(
          String.format(
              ROW, service.name(), service.healthUrl(), service.prometheusUrl(), apiOf(service)));
    }
    out.append(
        String.format(
            "  %-15s %s%n",
            "provider",
            providerUrl + "  simulated PSP the gateway calls; pay at a payment's redirect_url"));
    prometheusUrl.ifPresent(
        url ->
            out.append(
                String.format(
                    "  %-15s %s%n",
                    "prometheus",
                    url
                        + "  scrapes every service (deploy/observability/local/prometheus.yml,"
                        + " fast thresholds); alerts at "
                        + url
                        + "/alerts")));
    out.append('\n');
    out.append(
        String.format(
            "  %-15s %s%s%n",
            "kafka",
            endpoints.kafkaBootstrap(),
            endpoints.moreKafkaPorts().isEmpty()
                ? ""
                : "  (three KRaft nodes, one quorum; RF 3, min ISR 2)"));
    out.append(
        String.format(
            "  %-15s %s (databases %s; user %s, password %s)%n",
            "postgres",
            endpoints.jdbcUrl(""),
            String.join(", ", ServiceCatalog.DATABASES),
            Postgres.USERNAME,
            Postgres.PASSWORD));
    out.append("\nlogs:\n");
    for (String name : names(services, endpoints)) {
      out.append(String.format("  %-15s %s%n", name, data.log(name)));
    }
    if (prometheusUrl.isPresent()) {
      out.append(String.format("  %-15s %s%n", "prometheus", data.log("prometheus")));
    }
    out.append(
        "\nSend a signed test callback and read the journal entry back (paste into bash):\n\n");
    out.append(
        WebhookSnippet.bash(
            url(services, "gateway"),
            url(services, "ledger"),
            DemoProvider.NAME,
            DemoProvider.WEBHOOK_SECRET));
    out.append(
        "\nOr create a payment as merchant " + DemoProvider.MERCHANT_ID + " and pay it:\n\n");
    out.append(PaymentSnippet.bash(url(services, "gateway"), url(services, "ledger")));
    return out.toString();
  }

  private static String apiOf(ServiceSpec service) {
    return service.api().startsWith("(") ? service.api() : service.baseUrl() + "  " + service.api();
  }

  private static List<String> names(List<ServiceSpec> services, Endpoints endpoints) {
    List<String> kafka =
        endpoints.moreKafkaPorts().isEmpty()
            ? List.of("kafka")
            : java.util.stream.IntStream.rangeClosed(1, 1 + endpoints.moreKafkaPorts().size())
                .mapToObj(node -> "kafka-" + node)
                .toList();
    return java.util.stream.Stream.of(
            services.stream().map(ServiceSpec::name),
            kafka.stream(),
            java.util.stream.Stream.of("postgres"))
        .flatMap(names -> names)
        .toList();
  }

  private static String url(List<ServiceSpec> services, String name) {
    return services.stream()
        .filter(service -> service.name().equals(name) || service.name().equals(name + "-1"))
        .findFirst()
        .map(ServiceSpec::baseUrl)
        .orElseThrow();
  }
}
