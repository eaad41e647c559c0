package com.paystream.testkit.apidocs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's API description as committed in {@code docs/api/<service>.json}: fetched from the
 * running service without credentials, put in a stable form (keys sorted, pretty-printed, no {@code
 * servers}, which name the random test port) and compared with the committed file, or, with {@code
 * -Dpaystream.api.write=true}, written over it. A description that changes therefore shows in
 * review as a readable diff of that file.
 */
public final class ApiDescriptionFile {

  /** Set to {@code true} to rewrite the committed files instead of comparing with them. */
  public static final String WRITE_PROPERTY = "paystream.api.write";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ApiDescriptionFile() {}

  /**
   * Fetches {@code /v3/api-docs} from the service at {@code baseUrl} and checks it against (or
   * writes) {@code docs/api/<service>.json} of the repository this test runs in.
   */
  public static void check(String baseUrl, String service) {
    String served = stable(fetch(URI.create(baseUrl + "/v3/api-docs")));
    Path committed = repositoryRoot().resolve("docs/api").resolve(service + ".json");
    try {
      if (Boolean.getBoolean(WRITE_PROPERTY)) {
        Files.createDirectories(committed.getParent());
        Files.writeString(committed, served, StandardCharsets.UTF_8);
        return;
      }
      assertTrue(
          Files.exists(committed),
          () -> committed + " is missing; write it with -D" + WRITE_PROPERTY + "=true");
      assertEquals(
          Files.readString(committed, StandardCharsets.UTF_8),
          served,
          () ->
              "the served description differs from "
                  + committed
                  + "; if the change is meant, rewrite it with -D"
                  + WRITE_PROPERTY
                  + "=true and commit the diff");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The description in its committed form: no servers, keys sorted, two-space indentation. */
  public static String stable(String description) {
    JsonNode tree = JSON.readTree(description);
    if (tree instanceof ObjectNode root) {
      root.remove("servers");
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(tree)) + "\n";
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = JSON.createObjectNode();
      List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(object.properties());
      properties.sort(Map.Entry.comparingByKey());
      properties.forEach(property -> copy.set(property.getKey(), sorted(property.getValue())));
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static String fetch(URI uri) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(
          200,
          response.statusCode(),
          () -> "GET " + uri + " without credentials: " + response.body());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The directory holding the Maven wrapper: the tests run in a module directory below it. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }
}
