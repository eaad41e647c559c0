package com.paystream.schemas.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaForms;
import com.paystream.schemas.registry.SchemaNotFoundException;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.registry.SchemaRegistryException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistry} over the Confluent Schema Registry REST API. Schemas by id are cached
 * forever (an id never changes its schema); subject listings are always asked fresh.
 *
 * <p>{@link #lookup} first asks {@code POST /subjects/{subject}}, which matches the exact JSON
 * form. When that finds nothing it compares canonical forms against the subject's versions, so a
 * class whose docs were improved after the version was registered still finds its id (the bytes are
 * the same). It never registers anything.
 */
public final class ConfluentRestSchemaRegistry implements SchemaRegistry {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ConfluentRestSchemaRegistry.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryHttp http;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public ConfluentRestSchemaRegistry(URI baseUri) {
    this(baseUri, DEFAULT_TIMEOUT);
  }

  /**
   * @param baseUri e.g. {@code http://registry:8081} or {@code http://apicurio/apis/ccompat/v7}
   * @param timeout for connecting and for each request
   */
  public ConfluentRestSchemaRegistry(URI baseUri, Duration timeout) {
    this.http = new RegistryHttp(Objects.requireNonNull(baseUri, "baseUri"), timeout);
  }

  /** The registry's base address. */
  public URI baseUri() {
    return http.baseUri();
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    String body = jsonObject("schema", schema.toString());
    try {
      return registered(subject, http.post("/subjects/" + encode(subject), body));
    } catch (SchemaNotFoundException e) {
      if (e.kind() != SchemaNotFoundException.Kind.SCHEMA) {
        throw e;
      }
      return lookupByCanonicalForm(subject, schema);
    }
  }

  @Override
  public Schema byId(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode response = http.get("/schemas/ids/" + id);
    Schema schema = parseSchema(response, "schema id " + id);
    schemasById.putIfAbsent(id, schema);
    log.debug("Fetched schema id {} ({}) from {}", id, schema.getFullName(), http.baseUri());
    return schema;
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    http.get("/subjects").forEach(node -> subjects.add(node.asText()));
    subjects.sort(null);
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    http.get("/subjects/" + encode(subject) + "/versions")
        .forEach(node -> versions.add(node.asInt()));
    versions.sort(null);
    return versions;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return registered(subject, http.get(versionPath(subject, Integer.toString(version))));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(subject, http.get(versionPath(subject, "latest")));
  }

  private RegisteredSchema lookupByCanonicalForm(String subject, Schema schema) {
    List<RegisteredSchema> versions =
        versions(subject).stream().map(v -> version(subject, v)).toList();
    return SchemaForms.match(versions, schema)
        .orElseThrow(
            () ->
                new SchemaNotFoundException(
                    SchemaNotFoundException.Kind.SCHEMA,
                    "Schema %s (fingerprint %s) is not registered under subject '%s' at %s."
                        .formatted(
                            schema.getFullName(),
                            SchemaForms.fingerprintHex(schema),
                            subject,
                            http.baseUri())));
  }

  private RegisteredSchema registered(String subject, JsonNode response) {
    int id = requiredInt(response, "id");
    Schema schema = parseSchema(response, "schema id " + id);
    schemasById.putIfAbsent(id, schema);
    // The registry may answer with its own spelling of the subject; keep the one asked for.
    return new RegisteredSchema(subject, requiredInt(response, "version"), id, schema);
  }

  private Schema parseSchema(JsonNode response, String what) {
    String type = response.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaNotFoundException(
          SchemaNotFoundException.Kind.SCHEMA,
          "No Avro schema for "
              + what
              + " at "
              + http.baseUri()
              + ": it is a "
              + type
              + " schema.");
    }
    if (response.path("references").size() > 0) {
      throw new SchemaRegistryException(
          what + " at " + http.baseUri() + " uses schema references, which are not supported");
    }
    JsonNode text = response.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException(
          "the registry at " + http.baseUri() + " answered without a schema for " + what);
    }
    try {
      return new Schema.Parser().parse(text.asText());
    } catch (RuntimeException e) {
      // SchemaParseException mostly; Avro 1.12 throws a NullPointerException for unknown types.
      throw new SchemaRegistryException(
          "the registry at " + http.baseUri() + " returned an invalid Avro schema for " + what, e);
    }
  }

  private int requiredInt(JsonNode response, String field) {
    JsonNode value = response.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException(
          "the registry at " + http.baseUri() + " answered without '" + field + "': " + response);
    }
    return value.asInt();
  }

  private static String versionPath(String subject, String version) {
    return "/subjects/" + encode(subject) + "/versions/" + version;
  }

  static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String jsonObject(String field, String value) {
    try {
      return JSON.writeValueAsString(Map.of(field, value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON string", e);
    }
  }
}
