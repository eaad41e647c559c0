package com.paystream.schemas.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistryException;
import com.paystream.schemas.registry.SchemaRegistryUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP and error mapping for the Confluent REST API: a 404 with a Confluent error code becomes a
 * {@link SchemaNotFoundException}, anything that may pass (I/O, timeout, 5xx, 429) a {@link
 * SchemaRegistryUnavailableException}, and the rest a {@link SchemaRegistryException}.
 */
final class RegistryHttp {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUri;
  private final String base;
  private final Duration timeout;
  private final HttpClient client;

  RegistryHttp(URI baseUri, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.baseUri = baseUri;
    this.base = stripTrailingSlash(baseUri.toString());
    this.timeout = timeout;
    // HTTP/1.1: registries are plain REST services, and h2c upgrade attempts only add latency.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  URI baseUri() {
    return baseUri;
  }

  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  JsonNode post(String path, String jsonBody) {
    return send(
        request(path)
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
            .build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(timeout)
        .header("Accept", ACCEPT);
  }

  private JsonNode send(HttpRequest request) {
    String what = request.method() + " " + request.uri();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new SchemaRegistryUnavailableException(
          "schema registry did not answer " + what + " within " + timeout, e);
    } catch (IOException e) {
      throw new SchemaRegistryUnavailableException(
          "cannot reach the schema registry for " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryUnavailableException("interrupted while calling " + what, e);
    }
    return answer(what, response.statusCode(), response.body());
  }

  private static JsonNode answer(String what, int status, String body) {
    if (status == 200) {
      return parse(what, body);
    }
    String message = errorMessage(body);
    if (status == 404) {
      SchemaNotFoundException.Kind kind = SchemaNotFoundException.Kind.ofErrorCode(errorCode(body));
      if (kind != null) {
        throw new SchemaNotFoundException(kind, message);
      }
    }
    String failure = what + " answered HTTP " + status + ": " + message;
    if (status >= 500 || status == 408 || status == 429) {
      throw new SchemaRegistryUnavailableException(failure);
    }
    throw new SchemaRegistryException(failure);
  }

  private static JsonNode parse(String what, String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(what + " answered 200 with a body that is not JSON", e);
    }
  }

  private static int errorCode(String body) {
    try {
      return JSON.readTree(body).path("error_code").asInt(-1);
    } catch (JsonProcessingException e) {
      return -1;
    }
  }

  private static String errorMessage(String body) {
    try {
      JsonNode message = JSON.readTree(body).get("message");
      if (message != null && message.isTextual()) {
        return message.asText();
      }
    } catch (JsonProcessingException e) {
      // Not JSON (a proxy's HTML page, say): show the start of it instead.
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }

  private static String stripTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
