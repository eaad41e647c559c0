package com.paystream.testkit.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP GETs against a service under test, with a deadline well above the few seconds a
 * service may take to refuse, so that a service that hangs fails the test instead of stalling it.
 */
public final class HttpProbe {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;

  public HttpProbe(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** Without credentials, as a Kubernetes probe asks. */
  public HttpResponse<String> get(String path) {
    return send(request(path).build());
  }

  /** With {@code Authorization: Bearer token}. */
  public HttpResponse<String> get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).build());
  }

  /** The status of {@code GET path} without credentials. */
  public int status(String path) {
    return get(path).statusCode();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(DEADLINE);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
