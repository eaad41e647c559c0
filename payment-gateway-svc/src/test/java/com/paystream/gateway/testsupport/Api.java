package com.paystream.gateway.testsupport;

import com.paystream.security.ApiKeyToken;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's API as the integration tests call it: bearer keys, JSON bodies, problems. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final WebTestClient client;

  public Api(WebTestClient client) {
    this.client = client;
  }

  /** A POST as {@code key} (null: anonymous), with optional Idempotency-Key, body and headers. */
  public WebTestClient.ResponseSpec post(
      ApiKeyToken.Issued key,
      String path,
      String idempotencyKey,
      String body,
      Map<String, String> headers) {
    WebTestClient.RequestBodySpec spec = client.post().uri(path);
    if (key != null) {
      spec = spec.header("Authorization", "Bearer " + key.token());
    }
    if (idempotencyKey != null) {
      spec = spec.header("Idempotency-Key", idempotencyKey);
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      spec = spec.header(header.getKey(), header.getValue());
    }
    return body == null
        ? spec.exchange()
        : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  public WebTestClient.ResponseSpec post(
      ApiKeyToken.Issued key, String path, String idempotencyKey, String body) {
    return post(key, path, idempotencyKey, body, Map.of());
  }

  public WebTestClient.ResponseSpec get(ApiKeyToken.Issued key, String path) {
    return client.get().uri(path).header("Authorization", "Bearer " + key.token()).exchange();
  }

  /** The body, after checking the status. */
  public static JsonNode json(WebTestClient.ResponseSpec response, int status) {
    return JSON.readTree(
        response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody());
  }
}
