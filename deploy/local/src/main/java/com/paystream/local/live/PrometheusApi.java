package com.paystream.local.live;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus's HTTP API, as much of it as the live check asks: range queries and alerts. */
final class PrometheusApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Prometheus keeps a range query under 11,000 points per series. */
  private static final int MAX_POINTS = 10_000;

  private final String baseUrl;

  PrometheusApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** An alert as {@code /api/v1/alerts} lists it: pending or firing. */
  record Alert(String name, String state, Map<String, String> labels) {

    boolean firing() {
      return state.equals("firing");
    }
  }

  /** Prometheus answered with an error (a bad query, a timeout) or not at all. */
  static final class Unanswered extends Exception {
    Unanswered(String message) {
      super(message);
    }
  }

  /** How many series {@code expr} returns at any step between {@code start} and {@code end}. */
  int seriesOver(String expr, Instant start, Instant end) throws Unanswered {
    return seriesCount(get("/api/v1/query_range?" + rangeQuery(expr, start, end)));
  }

  /**
   * The range query's parameters. The steps are counted back from {@code end} (rounded up to the
   * second), so that the last one is {@code end} itself and a series recorded a moment ago is seen;
   * the first one may be a little before {@code start}.
   */
  static String rangeQuery(String expr, Instant start, Instant end) {
    long endSecond = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    long rangeSeconds = Math.max(0, endSecond - start.getEpochSecond());
    long stepSeconds = Math.max(5, rangeSeconds / MAX_POINTS + 1);
    long startSecond = endSecond - (rangeSeconds + stepSeconds - 1) / stepSeconds * stepSeconds;
    return "query="
        + URLEncoder.encode(expr, StandardCharsets.UTF_8)
        + "&start="
        + startSecond
        + "&end="
        + endSecond
        + "&step="
        + stepSeconds;
  }

  /** How many series {@code expr} returns now. */
  int seriesNow(String expr) throws Unanswered {
    return seriesCount(
        get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
  }

  List<Alert> alerts() throws Unanswered {
    return parseAlerts(get("/api/v1/alerts"));
  }

  static int seriesCount(String response) throws Unanswered {
    JsonNode data = success(response);
    JsonNode result = data.path("result");
    if (data.path("resultType").asString("").equals("scalar")) {
      return 1;
    }
    int series = 0;
    for (JsonNode one : result) {
      if (one.path("values").size() > 0 || one.has("value")) {
        series++;
      }
    }
    return series;
  }

  static List<Alert> parseAlerts(String response) throws Unanswered {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode alert : success(response).path("alerts")) {
      Map<String, String> labels = new LinkedHashMap<>();
      alert
          .path("labels")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
      alerts.add(
          new Alert(
              labels.getOrDefault("alertname", ""), alert.path("state").asString(""), labels));
    }
    return alerts;
  }

  private static JsonNode success(String response) throws Unanswered {
    JsonNode root;
    try {
      root = JSON.readTree(response);
    } catch (JacksonException e) {
      throw new Unanswered("not JSON: " + abbreviate(response));
    }
    if (!root.path("status").asString("").equals("success")) {
      throw new Unanswered(
          root.path("errorType").asString("error")
              + ": "
              + root.path("error").asString(abbreviate(response)));
    }
    return root.path("data");
  }

  private String get(String pathAndQuery) throws Unanswered {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(TIMEOUT).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new Unanswered("Prometheus at " + baseUrl + " does not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("interrupted");
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
