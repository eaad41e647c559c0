package com.paystream.recon.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to the service under test as a caller holding {@code token} (null: anonymous). */
public record ReconHttp(int port) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).GET());
  }

  /** A POST of {@code json}, or of no body when it is null. */
  public HttpResponse<String> post(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(
        json == null
            ? request(path, token).POST(HttpRequest.BodyPublishers.noBody())
            : request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
