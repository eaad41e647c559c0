package com.paystream.local.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Reads one figure from a service's {@code /actuator/prometheus}, from outside, as an SRE would.
 */
final class Prometheus {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private Prometheus() {}

  /**
   * The sum of every series of {@code metric} whose labels contain {@code labelFilter} (empty for
   * any) on the instance at {@code baseUrl}; empty when it does not answer (down, frozen,
   * restarting) or has no such series.
   */
  static OptionalDouble read(String baseUrl, String metric, String labelFilter) {
    String text;
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                  .timeout(TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return OptionalDouble.empty();
      }
      text = response.body();
    } catch (IOException e) {
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalDouble.empty();
    }
    return sum(text, metric, labelFilter);
  }

  static OptionalDouble sum(String exposition, String metric, String labelFilter) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.lines().toList()) {
      if (line.startsWith("#") || !line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      if (!(rest.startsWith("{") || rest.startsWith(" "))) {
        continue; // another metric whose name begins with this one's
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      if (!labelFilter.isEmpty() && !series.contains(labelFilter)) {
        continue;
      }
      try {
        sum += Double.parseDouble(line.substring(space + 1).strip());
        found = true;
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
