package com.paystream.security.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls a running service as a given caller and tells the status: for authorization matrices. */
public final class AccessProbe {

  /** No credentials at all. */
  public static final String ANONYMOUS = null;

  /** Well-formed, but no such key. */
  public static final String WRONG_KEY = "psk_wrongKey0001_" + "x".repeat(43);

  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  public AccessProbe(int port) {
    this.port = port;
  }

  public int get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  /** POSTs a JSON body. */
  public int post(String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        token);
  }

  private int send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
