package com.paystream.local.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to the running services, riding out a restart: a refused connection, a timeout, a
 * 5xx answer or a 409 "request in progress" (the key is still leased by an attempt that died) is
 * retried with backoff for up to {@link #RESTART_WINDOW}, since the local stack restarts a service
 * that died. Only idempotent requests are sent through here (every POST carries an idempotency key
 * or is idempotent by content), so a retry never does a thing twice.
 */
final class ServiceApi {

  /** How long a service may be away (killed, restarting) before the scenario gives up. */
  static final Duration RESTART_WINDOW = Duration.ofMinutes(3);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Instances instances;

  /** Requests to any instance of a service are spread over all of its instances. */
  ServiceApi(DayScenario.Services services) {
    this.instances = new Instances(services);
  }

  /** A final answer: 2xx, or a 4xx the caller must deal with. */
  record Answer(int status, String body) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    /** The answer, or a failure that names what was asked and what came back. */
    Answer expect(String what, int... accepted) {
      for (int code : accepted) {
        if (status == code) {
          return this;
        }
      }
      throw new ScenarioFailure(what + " answered " + status + ": " + body);
    }
  }

  Answer get(String url, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(request::header);
    return exchange(request.timeout(REQUEST_TIMEOUT).build());
  }

  /** A read as the local stack's auditor, who may read everything and change nothing. */
  Answer get(String url) {
    return get(url, Callers.AUDITOR);
  }

  Answer post(String url, Map<String, String> headers, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return exchange(request.timeout(REQUEST_TIMEOUT).build());
  }

  Answer postJson(String url, Map<String, String> headers, Object body) {
    return post(url, headers, "application/json", JSON.writeValueAsBytes(body));
  }

  Answer put(String url, Map<String, String> headers, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("content-type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    headers.forEach(request::header);
    return exchange(request.timeout(REQUEST_TIMEOUT).build());
  }

  /**
   * The gateway's "a request with this Idempotency-Key is being processed": the first attempt died
   * with the gateway (kill -9) and its lease on the key runs out shortly; retrying is the protocol.
   */
  private static boolean inProgress(HttpResponse<String> response) {
    return response.statusCode() == 409 && response.body().contains("\"request_in_progress\"");
  }

  private Answer exchange(HttpRequest request) {
    Instant deadline = Instant.now().plus(RESTART_WINDOW);
    Duration backoff = FIRST_BACKOFF;
    String lastProblem = "";
    while (true) {
      for (java.net.URI uri : instances.candidates(request.uri())) {
        HttpRequest attempt =
            uri.equals(request.uri())
                ? request
                : HttpRequest.newBuilder(request, (n, v) -> true).uri(uri).build();
        try {
          HttpResponse<String> response = http.send(attempt, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() < 500 && !inProgress(response)) {
            return new Answer(response.statusCode(), response.body());
          }
          lastProblem = uri.getAuthority() + ": " + response.statusCode() + " " + response.body();
        } catch (IOException e) {
          lastProblem = uri.getAuthority() + ": " + e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ScenarioFailure("interrupted during " + request.method() + " " + request.uri());
        }
      }
      if (Instant.now().plus(backoff).isAfter(deadline)) {
        throw new ScenarioFailure(
            request.method()
                + " "
                + request.uri()
                + " failed for "
                + RESTART_WINDOW.toMinutes()
                + " min; last: "
                + lastProblem);
      }
      Pause.of(backoff);
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
  }

  /**
   * The instances behind each service, as a client-side load balancer sees them: a request
   * addressed to any instance of a service goes to the next one in turn, and a request that cannot
   * reach one is tried on the next. The phases keep addressing a service by one base URL; only the
   * origin ({@code scheme://host:port}) is exchanged.
   */
  static final class Instances {

    private final Map<String, Group> byOrigin = new HashMap<>();

    Instances(DayScenario.Services services) {
      for (List<String> instances : services.all()) {
        Group group = new Group(instances.stream().map(Instances::origin).toList());
        group.origins.forEach(origin -> byOrigin.put(origin, group));
      }
    }

    /** A service whose instances take turns; a URL of no known service is used as it is. */
    private record Group(List<String> origins, AtomicLong next) {
      Group(List<String> origins) {
        this(List.copyOf(origins), new AtomicLong());
      }
    }

    /**
     * The URIs to try for one request, the next instance in turn first and then the others: a
     * request that meets a refused connection or a 5xx moves on to the next.
     */
    List<URI> candidates(URI uri) {
      Group group = byOrigin.get(origin(uri.toString()));
      if (group == null || group.origins.size() == 1) {
        return List.of(uri);
      }
      int size = group.origins.size();
      int first = (int) Math.floorMod(group.next.getAndIncrement(), (long) size);
      String rest = uri.toString().substring(origin(uri.toString()).length());
      return java.util.stream.IntStream.range(0, size)
          .mapToObj(i -> URI.create(group.origins.get((first + i) % size) + rest))
          .toList();
    }

    private static String origin(String url) {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getRawAuthority();
    }
  }
}
