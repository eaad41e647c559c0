package com.paystream.schemas.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.schemas.callbacks.PaymentCallback;
import com.paystream.schemas.fixtures.SchemaVariants;
import com.paystream.schemas.registry.RegisteredSchema;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.registry.SchemaRegistryUnavailableException;
import com.paystream.schemas.registry.http.ConfluentRegistryHttpHandler.Response;
import com.paystream.schemas.registry.pinned.PinnedSchemaRegistry;
import com.paystream.schemas.statements.StatementLine;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The handler as the pure function it is: method, path, body in; status and JSON out. */
class ConfluentRegistryHttpHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLBACKS = "/subjects/payments.callbacks.v1-value";

  private final ConfluentRegistryHttpHandler handler =
      new ConfluentRegistryHttpHandler(PinnedSchemaRegistry.bundled());

  @Test
  void schemaById() throws IOException {
    Response response = handler.handle("GET", "/schemas/ids/102", "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(new Schema.Parser().parse(json(response).get("schema").asText()))
        .isEqualTo(PaymentCallback.getClassSchema());
  }

  @Test
  void schemaByIdIgnoresTheQueryConfluentClientsAppend() {
    Response response =
        handler.handle("GET", "/schemas/ids/102?fetchMaxId=false&subject=payments", "");

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void rawSchemaById() {
    Response response = handler.handle("GET", "/schemas/ids/604/schema", "");

    assertThat(new Schema.Parser().parse(response.body()))
        .isEqualTo(StatementLine.getClassSchema());
  }

  @Test
  void subjectsAndVersions() throws IOException {
    assertThat(json(handler.handle("GET", "/subjects", ""))).hasSize(11);
    assertThat(handler.handle("GET", CALLBACKS + "/versions", "").body()).isEqualTo("[1,2]");
  }

  @Test
  void versionByNumberAndLatest() throws IOException {
    for (String version : List.of("2", "latest", "-1")) {
      JsonNode body = json(handler.handle("GET", CALLBACKS + "/versions/" + version, ""));

      assertThat(body.get("subject").asText()).isEqualTo("payments.callbacks.v1-value");
      assertThat(body.get("version").asInt()).isEqualTo(2);
      assertThat(body.get("id").asInt()).isEqualTo(102);
      assertThat(body.get("schema").asText())
          .isEqualTo(PaymentCallback.getClassSchema().toString());
    }
  }

  @Test
  void percentEncodedSubjectIsDecoded() {
    assertThat(
            handler.handle("GET", "/subjects/payments%2Ecallbacks%2Ev1-value/versions", "").body())
        .isEqualTo("[1,2]");
  }

  @Test
  void lookupOfARegisteredSchema() throws IOException {
    Response response =
        handler.handle("POST", CALLBACKS, schemaBody(PaymentCallback.getClassSchema()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(json(response).get("id").asInt()).isEqualTo(102);
    assertThat(json(response).get("version").asInt()).isEqualTo(2);
  }

  @Test
  void lookupMatchesTheExactFormOnlyAsConfluentDoes() throws IOException {
    Schema redocumented = SchemaVariants.withDoc(PaymentCallback.getClassSchema(), "other words");

    Response response = handler.handle("POST", CALLBACKS, schemaBody(redocumented));

    assertError(response, 404, 40403);
  }

  @Test
  void lookupOfAnotherContractIsSchemaNotFound() throws IOException {
    assertError(
        handler.handle("POST", CALLBACKS, schemaBody(StatementLine.getClassSchema())), 404, 40403);
  }

  @Test
  void notFoundCodes() throws IOException {
    assertError(handler.handle("GET", "/schemas/ids/999", ""), 404, 40403);
    assertError(handler.handle("GET", "/schemas/ids/abc", ""), 404, 40403);
    assertError(handler.handle("GET", "/subjects/nope-value/versions", ""), 404, 40401);
    assertError(handler.handle("GET", "/subjects/nope-value/versions/1", ""), 404, 40401);
    assertError(handler.handle("GET", CALLBACKS + "/versions/9", ""), 404, 40402);
    assertError(
        handler.handle(
            "POST", "/subjects/nope-value", schemaBody(PaymentCallback.getClassSchema())),
        404,
        40401);
    assertError(handler.handle("GET", "/nothing/here", ""), 404, 404);
  }

  @Test
  void invalidVersionIs42202() throws IOException {
    assertError(handler.handle("GET", CALLBACKS + "/versions/0", ""), 422, 42202);
    assertError(handler.handle("GET", CALLBACKS + "/versions/one", ""), 422, 42202);
  }

  @Test
  void invalidLookupBodyIs42201() throws IOException {
    assertError(handler.handle("POST", CALLBACKS, "not json"), 422, 42201);
    assertError(
        handler.handle("POST", CALLBACKS, "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}"),
        422,
        42201);
    assertError(
        handler.handle("POST", CALLBACKS, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}"),
        422,
        42201);
    assertError(handler.handle("POST", CALLBACKS, "{}"), 422, 42201);
  }

  @Test
  void registeringAnAlreadyRegisteredSchemaAnswersItsIdOtherwiseReadOnly() throws IOException {
    Response existing =
        handler.handle(
            "POST", CALLBACKS + "/versions", schemaBody(PaymentCallback.getClassSchema()));
    Response unknown =
        handler.handle(
            "POST",
            CALLBACKS + "/versions",
            schemaBody(SchemaVariants.withDoc(PaymentCallback.getClassSchema(), "new")));

    assertThat(existing.status()).isEqualTo(200);
    assertThat(existing.body()).isEqualTo("{\"id\":102}");
    assertError(unknown, 422, 42205);
  }

  @Test
  void wrongMethodIs405() throws IOException {
    assertError(handler.handle("DELETE", CALLBACKS, ""), 405, 405);
    assertError(handler.handle("POST", "/schemas/ids/102", ""), 405, 405);
  }

  @Test
  void configIsBackwardTransitive() {
    assertThat(handler.handle("GET", "/config", "").body())
        .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
  }

  @Test
  void failingBackendIs50001NotAStackTrace() throws IOException {
    SchemaRegistry down =
        new SchemaRegistry() {
          @Override
          public RegisteredSchema lookup(String subject, Schema schema) {
            throw new SchemaRegistryUnavailableException("backend down");
          }

          @Override
          public Schema byId(int id) {
            throw new SchemaRegistryUnavailableException("backend down");
          }

          @Override
          public List<String> subjects() {
            throw new SchemaRegistryUnavailableException("backend down");
          }

          @Override
          public List<Integer> versions(String subject) {
            throw new SchemaRegistryUnavailableException("backend down");
          }

          @Override
          public RegisteredSchema version(String subject, int version) {
            throw new SchemaRegistryUnavailableException("backend down");
          }

          @Override
          public RegisteredSchema latest(String subject) {
            throw new SchemaRegistryUnavailableException("backend down");
          }
        };

    assertError(new ConfluentRegistryHttpHandler(down).handle("GET", "/subjects", ""), 500, 50001);
  }

  private static String schemaBody(Schema schema) throws IOException {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private static JsonNode json(Response response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static void assertError(Response response, int status, int errorCode) throws IOException {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("error_code").asInt()).isEqualTo(errorCode);
    assertThat(body.get("message").asText()).isNotBlank();
  }
}
