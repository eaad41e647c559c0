package com.paystream.ledger.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.schemas.ledger.CashflowLine;
import com.paystream.schemas.ledger.LedgerEntryEvent;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** The pinned schemas as a Confluent-compatible registry serves them, from the running service. */
class SchemaRegistryEndpointTest extends LedgerServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesTheLedgerSchemasByIdAndBySubject() throws Exception {
    JsonNode subjects = JSON.readTree(get("/schema-registry/subjects").getBody());
    assertThat(subjects)
        .extracting(JsonNode::asText)
        .contains("ledger.entries.v1-value", "ledger.cashflow.v1-value");

    JsonNode latest =
        JSON.readTree(
            get("/schema-registry/subjects/ledger.entries.v1-value/versions/latest").getBody());
    JsonNode byId =
        JSON.readTree(get("/schema-registry/schemas/ids/" + latest.get("id").asInt()).getBody());
    Schema served = new Schema.Parser().parse(byId.get("schema").asText());

    assertThat(served).isEqualTo(LedgerEntryEvent.getClassSchema());
    assertThat(get("/schema-registry/subjects/ledger.cashflow.v1-value/versions").getBody())
        .isEqualTo("[1,2,3]");
    ResponseEntity<String> cashflow =
        get("/schema-registry/subjects/ledger.cashflow.v1-value/versions/3/schema");
    assertThat(new Schema.Parser().parse(cashflow.getBody()))
        .isEqualTo(CashflowLine.getClassSchema());
    assertThat(cashflow.getHeaders().getContentType())
        .hasToString("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void answersUnknownIdsAndSubjectsWithConfluentErrorCodes() throws Exception {
    ResponseEntity<String> unknownId = get("/schema-registry/schemas/ids/999999");
    ResponseEntity<String> unknownSubject = get("/schema-registry/subjects/nope-value/versions");

    assertThat(unknownId.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
    assertThat(JSON.readTree(unknownId.getBody()).get("error_code").asInt()).isEqualTo(40403);
    assertThat(unknownSubject.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(404));
    assertThat(JSON.readTree(unknownSubject.getBody()).get("error_code").asInt()).isEqualTo(40401);
  }

  private ResponseEntity<String> get(String path) {
    return http()
        .get()
        .uri(path)
        .retrieve()
        .onStatus(status -> true, (request, response) -> {})
        .toEntity(String.class);
  }
}
