package com.paystream.schemas.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaForms;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API (read subset) as a pure function from method, path and
 * body to status and JSON, so that the JDK server here and a Spring controller elsewhere can both
 * delegate to it. Bodies and error codes follow Confluent's:
 *
 * <ul>
 *   <li>{@code GET /schemas/ids/{id}} → {@code {"schema":"..."}} ({@code /schema} suffix: the raw
 *       schema)
 *   <li>{@code GET /subjects} → {@code ["..."]}
 *   <li>{@code GET /subjects/{s}/versions} → {@code [1,2]}
 *   <li>{@code GET /subjects/{s}/versions/{v|latest}} → {@code {"subject","version","id","schema"}}
 *       ({@code /schema} suffix: the raw schema)
 *   <li>{@code POST /subjects/{s}} with {@code {"schema":"..."}} → the version holding exactly that
 *       schema (same JSON form, as Confluent compares), or 404 / 40403
 *   <li>{@code POST /subjects/{s}/versions} → the existing id when the schema is already registered
 *       exactly so (what an auto-registering Confluent serializer asks), else 422 / 42205: this
 *       registry is read-only
 *   <li>{@code GET /config} → {@code {"compatibilityLevel":"BACKWARD_TRANSITIVE"}}, which the build
 *       gate enforces
 * </ul>
 *
 * Not found: 40401 subject, 40402 version, 40403 schema; 42201 invalid schema, 42202 invalid
 * version; 50001 when the backing registry fails.
 */
public final class ConfluentRegistryHttpHandler {

  /** The media type of every response. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  /** Status and JSON body of one response. */
  public record Response(int status, String body) {}

  private static final Logger log = LoggerFactory.getLogger(ConfluentRegistryHttpHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry;

  public ConfluentRegistryHttpHandler(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Answers one request.
   *
   * @param method HTTP method, e.g. {@code GET}
   * @param rawPath the request path, still percent-encoded; a query string is ignored
   * @param body the request body, empty when there is none
   */
  public Response handle(String method, String rawPath, String body) {
    try {
      return route(method.toUpperCase(Locale.ROOT), segments(rawPath), body);
    } catch (SchemaNotFoundException e) {
      return error(404, e.errorCode(), e.getMessage());
    } catch (BadRequest e) {
      return error(422, e.errorCode, e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Schema registry request {} {} failed", method, rawPath, e);
      return error(500, 50001, "Error in the backend data store: " + e.getMessage());
    }
  }

  private Response route(String method, List<String> path, String body) {
    String[] p = path.toArray(String[]::new);
    if (p.length == 0) {
      return get(method, () -> "{}");
    }
    if (p.length == 1 && p[0].equals("config")) {
      return get(
          method,
          () -> json(JSON.createObjectNode().put("compatibilityLevel", "BACKWARD_TRANSITIVE")));
    }
    if (p.length >= 3 && p.length <= 4 && p[0].equals("schemas") && p[1].equals("ids")) {
      return schemaById(method, p);
    }
    if (p[0].equals("subjects")) {
      return subjects(method, Arrays.copyOfRange(p, 1, p.length), body);
    }
    return notFound();
  }

  private Response schemaById(String method, String[] p) {
    if (p.length == 4 && !p[3].equals("schema")) {
      return notFound();
    }
    int id = parseId(p[2]);
    return get(
        method,
        () -> {
          Schema schema = registry.byId(id);
          return p.length == 4
              ? schema.toString()
              : json(JSON.createObjectNode().put("schema", schema.toString()));
        });
  }

  private Response subjects(String method, String[] p, String body) {
    if (p.length == 0) {
      return get(method, () -> json(JSON.valueToTree(registry.subjects())));
    }
    String subject = p[0];
    if (p.length == 1) {
      return method.equals("POST") ? lookup(subject, body, false) : notAllowed();
    }
    if (!p[1].equals("versions") || p.length > 4 || (p.length == 4 && !p[3].equals("schema"))) {
      return notFound();
    }
    if (p.length == 2) {
      if (method.equals("POST")) {
        return lookup(subject, body, true);
      }
      return get(method, () -> json(JSON.valueToTree(registry.versions(subject))));
    }
    return get(
        method,
        () -> {
          RegisteredSchema version = version(subject, p[2]);
          return p.length == 4 ? version.schema().toString() : json(registered(version));
        });
  }

  /** POST lookup: exact JSON form only, as Confluent does; {@code registering} answers {"id"}. */
  private Response lookup(String subject, String body, boolean registering) {
    Schema schema = parseSchemaBody(body);
    List<RegisteredSchema> versions = new ArrayList<>();
    for (int version : registry.versions(subject)) {
      versions.add(registry.version(subject, version));
    }
    Optional<RegisteredSchema> found =
        versions.stream()
            .filter(v -> SchemaForms.identical(v.schema(), schema))
            .reduce((older, newer) -> newer);
    if (found.isEmpty()) {
      if (registering) {
        throw new BadRequest(
            42205,
            "Subject '"
                + subject
                + "' is read-only here: schemas are frozen in the schemas module.");
      }
      throw new SchemaNotFoundException(SchemaNotFoundException.Kind.SCHEMA, "Schema not found");
    }
    return ok(
        registering
            ? json(JSON.createObjectNode().put("id", found.get().id()))
            : json(registered(found.get())));
  }

  private RegisteredSchema version(String subject, String version) {
    if (version.equals("latest") || version.equals("-1")) {
      return registry.latest(subject);
    }
    int number;
    try {
      number = Integer.parseInt(version);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1) {
      throw new BadRequest(
          42202,
          "The specified version '"
              + version
              + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
              + " string \"latest\"");
    }
    return registry.version(subject, number);
  }

  private static ObjectNode registered(RegisteredSchema version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema().toString());
  }

  private static int parseId(String id) {
    try {
      return Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw new SchemaNotFoundException(SchemaNotFoundException.Kind.SCHEMA, "Schema not found");
    }
  }

  private static Schema parseSchemaBody(String body) {
    JsonNode request;
    try {
      request = JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      throw new BadRequest(42201, "Invalid schema: the body is not JSON");
    }
    JsonNode type = request.path("schemaType");
    if (!type.isMissingNode() && !type.isNull() && !"AVRO".equals(type.asText())) {
      throw new BadRequest(42201, "Invalid schema: only AVRO schemas are served here");
    }
    JsonNode text = request.path("schema");
    if (!text.isTextual()) {
      throw new BadRequest(42201, "Invalid schema: the body has no \"schema\" string");
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (RuntimeException e) {
      // SchemaParseException mostly; Avro 1.12 throws a NullPointerException for unknown types.
      throw new BadRequest(42201, "Invalid schema: " + e.getMessage());
    }
  }

  private static List<String> segments(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        // '+' is a literal plus in a path, not a space as in a form.
        segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  private static Response get(String method, Supplier<String> body) {
    return method.equals("GET") ? ok(body.get()) : notAllowed();
  }

  private static Response ok(String body) {
    return new Response(200, body);
  }

  private static Response notFound() {
    return error(404, 404, "HTTP 404 Not Found");
  }

  private static Response notAllowed() {
    return error(405, 405, "HTTP 405 Method Not Allowed");
  }

  private static Response error(int status, int errorCode, String message) {
    return new Response(
        status, json(JSON.createObjectNode().put("error_code", errorCode).put("message", message)));
  }

  private static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** A request the registry understood but refuses (Confluent answers 422). */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errorCode;

    BadRequest(int errorCode, String message) {
      super(message);
      this.errorCode = errorCode;
    }
  }
}
