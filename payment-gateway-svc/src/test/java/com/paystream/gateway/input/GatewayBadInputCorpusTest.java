package com.paystream.gateway.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.testsupport.ApiKeys;
import com.paystream.gateway.testsupport.GatewayDatabase;
import com.paystream.gateway.testsupport.SimulatedProvider;
import com.paystream.security.ApiKeyToken;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every gateway endpoint that takes input, as the principal allowed to call it, against every class
 * of bad input: each answer is a 4xx problem+json with the expected stable reason, repeats at most
 * 40 characters of the offending value, and writes nothing but the refusal's audit record (and its
 * audit event in the outbox) — compared by row counts of every table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBadInputCorpusTest {

  private static final GatewayDatabase DB = GatewayDatabase.create("gateway_bad_input");
  private static final String WEBHOOK_SECRET = StandardWebhookSigner.newSecret();
  private static final ProviderSimulator SIMULATOR = new ProviderSimulator(WEBHOOK_SECRET, 15);
  private static final ApiKeys KEYS = new ApiKeys();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> TABLES =
      List.of(
          "payment",
          "payment_status_history",
          "callback_inbox",
          "idempotency_record",
          "refund",
          "status_query_schedule",
          "approval_request",
          "approval_decision");

  /** Over the 500 characters of text the policy allows, within the 16 KiB of a body. */
  private static final String LONG_TEXT = "t".repeat(10_000);

  /** Over the body limit. */
  private static final String HUGE_TEXT = "x".repeat(100_000);

  private static final String LONG_ID = "id" + "z".repeat(98);
  private static ApiKeyToken.Issued merchant;
  private static ApiKeyToken.Issued operator;
  private static ApiKeyToken.Issued auditor;
  private static ApiKeyToken.Issued admin;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    DB.register(registry);
    SimulatedProvider.register(registry, WEBHOOK_SECRET, SIMULATOR);
    merchant = KEYS.merchant(registry, "m-corpus");
    operator = KEYS.operator(registry, "olga");
    auditor = KEYS.auditor(registry, "ada");
    admin = KEYS.admin(registry, "root");
  }

  @AfterAll
  static void stopSimulator() {
    SIMULATOR.close();
  }

  @LocalServerPort int port;

  private WebTestClient client;

  @BeforeEach
  void setUp() {
    client = SimulatedProvider.connect(port, SIMULATOR);
  }

  /** One bad request and what it must be answered. */
  record Bad(
      String name,
      HttpMethod method,
      String path,
      ApiKeyToken.Issued key,
      String contentType,
      String body,
      int status,
      String reason,
      String offending,
      Map<String, String> headers) {

    Bad(
        String name,
        HttpMethod method,
        String path,
        ApiKeyToken.Issued key,
        String body,
        int status,
        String reason,
        String offending) {
      this(name, method, path, key, "application/json", body, status, reason, offending, Map.of());
    }
  }

  private static String json(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> "\"" + field.getKey() + "\":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** A POST endpoint with a valid body, and which of its fields are amounts, texts, ids. */
  record BodyEndpoint(
      String name,
      String path,
      ApiKeyToken.Issued key,
      Map<String, String> valid,
      boolean money,
      List<String> texts,
      List<String> ids) {}

  private List<BodyEndpoint> bodyEndpoints(String paymentId) {
    Map<String, String> create = new LinkedHashMap<>();
    create.put("amount_minor", "1999");
    create.put("currency", quoted("EUR"));
    create.put("provider", quoted("simulator"));
    create.put("reference", quoted("corpus"));
    Map<String, String> refund = new LinkedHashMap<>();
    refund.put("amount_minor", "100");
    refund.put("currency", quoted("EUR"));
    refund.put("reason", quoted("returned"));
    Map<String, String> amend = new LinkedHashMap<>();
    amend.put("amount_minor", "1500");
    amend.put("currency", quoted("EUR"));
    amend.put("status", quoted("SUCCEEDED"));
    amend.put("reason", quoted("fee charged twice"));
    Map<String, String> supplement = new LinkedHashMap<>();
    supplement.put("merchant_id", quoted("m-corpus"));
    supplement.put("amount_minor", "1999");
    supplement.put("currency", quoted("EUR"));
    supplement.put("provider", quoted("simulator"));
    supplement.put("evidence_reference", quoted("bank-statement-1"));
    supplement.put("reason", quoted("booked at the bank"));
    Map<String, String> reasonOnly = Map.of("reason", quoted("because"));
    String approval = "/v1/approvals/" + UUID.randomUUID();
    String payment = "/v1/payments/" + paymentId;
    return List.of(
        new BodyEndpoint(
            "create",
            "/v1/payments",
            merchant,
            create,
            true,
            List.of("reference"),
            List.of("provider")),
        new BodyEndpoint(
            "refund", payment + "/refunds", merchant, refund, true, List.of("reason"), List.of()),
        new BodyEndpoint(
            "cancel",
            payment + "/cancel",
            merchant,
            reasonOnly,
            false,
            List.of("reason"),
            List.of()),
        new BodyEndpoint(
            "amend", payment + "/amendments", operator, amend, true, List.of("reason"), List.of()),
        new BodyEndpoint(
            "supplement",
            payment + "/supplements",
            operator,
            supplement,
            true,
            List.of("reason", "evidence_reference"),
            List.of("merchant_id", "provider")),
        new BodyEndpoint(
            "approve",
            approval + "/approve",
            operator,
            reasonOnly,
            false,
            List.of("reason"),
            List.of()),
        new BodyEndpoint(
            "reject",
            approval + "/reject",
            operator,
            reasonOnly,
            false,
            List.of("reason"),
            List.of()));
  }

  private List<Bad> corpus(String paymentId, String paymentsCursor, String auditCursor) {
    List<Bad> corpus = new ArrayList<>();
    for (BodyEndpoint endpoint : bodyEndpoints(paymentId)) {
      for (String text : endpoint.texts()) {
        corpus.add(body(endpoint, text, quoted(LONG_TEXT), "text-too-long", LONG_TEXT));
      }
      for (String id : endpoint.ids()) {
        corpus.add(body(endpoint, id, quoted("a/b " + LONG_ID), "malformed-identifier", LONG_ID));
      }
      if (endpoint.money()) {
        corpus.add(body(endpoint, "amount_minor", "19.5", "not-an-integer", null));
        corpus.add(body(endpoint, "amount_minor", "1e400", "integer-out-of-range", null));
        corpus.add(
            body(endpoint, "amount_minor", "9223372036854775807", "amount-over-maximum", null));
        corpus.add(
            body(endpoint, "amount_minor", "92233720368547758070", "integer-out-of-range", null));
        corpus.add(body(endpoint, "currency", quoted("XXX"), "currency-not-accepted", null));
        corpus.add(body(endpoint, "currency", quoted("XAU"), "currency-not-accepted", null));
      }
      corpus.add(
          new Bad(
              endpoint.name() + " malformed JSON",
              HttpMethod.POST,
              endpoint.path(),
              endpoint.key(),
              "{\"reason\":" + quoted(LONG_TEXT.substring(0, 200)),
              400,
              "malformed-json",
              LONG_TEXT.substring(0, 200)));
      corpus.add(
          new Bad(
              endpoint.name() + " 100k characters of text",
              HttpMethod.POST,
              endpoint.path(),
              endpoint.key(),
              "{\"reason\":" + quoted(HUGE_TEXT) + "}",
              413,
              "payload-too-large",
              HUGE_TEXT));
      corpus.add(
          new Bad(
              endpoint.name() + " as text/plain",
              HttpMethod.POST,
              endpoint.path(),
              endpoint.key(),
              "text/plain",
              json(endpoint.valid()),
              415,
              "unsupported-media-type",
              null,
              Map.of()));
    }
    for (String suffix : List.of("", "/history")) {
      corpus.add(
          new Bad(
              "payment" + suffix + " bad id",
              HttpMethod.GET,
              "/v1/payments/" + LONG_ID + suffix,
              merchant,
              null,
              400,
              "malformed-identifier",
              LONG_ID));
    }
    for (String suffix : List.of("/cancel", "/refunds", "/amendments", "/supplements")) {
      corpus.add(
          new Bad(
              "POST " + suffix + " bad id",
              HttpMethod.POST,
              "/v1/payments/" + LONG_ID + suffix,
              suffix.equals("/amendments") || suffix.equals("/supplements") ? operator : merchant,
              "{}",
              400,
              "malformed-identifier",
              LONG_ID));
    }
    corpus.add(
        new Bad(
            "approval bad id",
            HttpMethod.GET,
            "/v1/approvals/" + LONG_ID,
            operator,
            null,
            400,
            "malformed-identifier",
            LONG_ID));
    String farFuture = "%2B1000000000-01-01T00:00:00Z";
    String farPast = "-999999999-01-01T00:00:00Z";
    String tampered = tamper(paymentsCursor);
    List<String[]> paymentQueries =
        List.of(
            new String[] {"from=" + farFuture, "instant-out-of-range"},
            new String[] {"to=" + farPast, "instant-out-of-range"},
            new String[] {"from=1999-12-31T23:59:59Z", "instant-out-of-range"},
            new String[] {"from=yesterday", "malformed"},
            new String[] {"limit=0", "page-size-out-of-range"},
            new String[] {"limit=201", "page-size-out-of-range"},
            new String[] {"limit=1.5", "not-an-integer"},
            new String[] {"limit=99999999999999999999999", "page-size-out-of-range"},
            new String[] {"limit=ten", "malformed"},
            new String[] {"cursor=" + tampered, "malformed-cursor"},
            new String[] {"cursor=" + "Q".repeat(300), "malformed-cursor"},
            new String[] {"status=BOGUS", "malformed"},
            new String[] {"merchant=" + LONG_ID, "malformed-identifier"});
    for (String[] query : paymentQueries) {
      corpus.add(
          new Bad(
              "payments ?" + query[0],
              HttpMethod.GET,
              "/v1/payments?" + query[0],
              merchant,
              null,
              400,
              query[1],
              query[0].substring(query[0].indexOf('=') + 1)));
    }
    List<String[]> auditQueries =
        List.of(
            new String[] {"from=" + farFuture, "instant-out-of-range"},
            new String[] {"to=" + farPast, "instant-out-of-range"},
            new String[] {"limit=0", "page-size-out-of-range"},
            new String[] {"limit=2.5", "not-an-integer"},
            new String[] {"cursor=" + tamper(auditCursor), "malformed-cursor"},
            new String[] {"actor=" + "a".repeat(300), "text-too-long"},
            new String[] {"outcome=MAYBE", "malformed"});
    for (String[] query : auditQueries) {
      corpus.add(
          new Bad(
              "audit ?" + query[0],
              HttpMethod.GET,
              "/v1/audit?" + query[0],
              auditor,
              null,
              400,
              query[1],
              query[0].substring(query[0].indexOf('=') + 1)));
    }
    for (String[] query :
        List.of(
            new String[] {"limit=0", "page-size-out-of-range"},
            new String[] {"limit=501", "page-size-out-of-range"},
            new String[] {"limit=2.5", "not-an-integer"},
            new String[] {"state=" + "S".repeat(100), "malformed"})) {
      corpus.add(
          new Bad(
              "approvals ?" + query[0],
              HttpMethod.GET,
              "/v1/approvals?" + query[0],
              operator,
              null,
              400,
              query[1],
              query[0].substring(query[0].indexOf('=') + 1)));
    }
    for (String[] key :
        List.of(
            new String[] {
              "{\"principal\":" + quoted(LONG_TEXT) + ",\"role\":\"OPERATOR\"}",
              "invalid_request",
              LONG_TEXT
            },
            new String[] {
              "{\"principal\":\"mia\",\"role\":\"MERCHANT\",\"merchantId\":"
                  + quoted("m/" + LONG_ID)
                  + "}",
              "malformed-identifier",
              LONG_ID
            },
            new String[] {"{\"principal\":", "malformed-json", null})) {
      corpus.add(
          new Bad(
              "mint key " + key[1],
              HttpMethod.POST,
              "/v1/keys",
              admin,
              key[0],
              400,
              key[1],
              key[2]));
    }
    corpus.add(
        new Bad(
            "unknown path",
            HttpMethod.GET,
            "/v1/" + LONG_ID,
            merchant,
            null,
            404,
            "not-found",
            LONG_ID));
    corpus.add(
        new Bad(
            "unknown path, anonymous POST",
            HttpMethod.POST,
            "/v1/nothing-here",
            null,
            "{}",
            404,
            "not-found",
            null));
    corpus.add(
        new Bad(
            "wrong method",
            HttpMethod.DELETE,
            "/v1/payments",
            merchant,
            null,
            405,
            "method-not-allowed",
            null));
    corpus.add(
        new Bad(
            "wrong method on a payment",
            HttpMethod.PUT,
            "/v1/payments/" + paymentId,
            merchant,
            "{}",
            405,
            "method-not-allowed",
            null));
    corpus.add(
        new Bad(
            "not acceptable",
            HttpMethod.GET,
            "/v1/payments",
            merchant,
            null,
            null,
            406,
            "not-acceptable",
            null,
            Map.of("Accept", "text/html")));
    return corpus;
  }

  private static Bad body(
      BodyEndpoint endpoint, String field, String rawValue, String reason, String offending) {
    Map<String, String> fields = new LinkedHashMap<>(endpoint.valid());
    fields.put(field, rawValue);
    return new Bad(
        endpoint.name()
            + " "
            + field
            + "="
            + rawValue.substring(0, Math.min(30, rawValue.length())),
        HttpMethod.POST,
        endpoint.path(),
        endpoint.key(),
        json(fields),
        400,
        reason,
        offending);
  }

  /** The same cursor with one character of its signed position changed. */
  private static String tamper(String cursor) {
    char first = cursor.charAt(0);
    return (first == 'A' ? 'B' : 'A') + cursor.substring(1);
  }

  @Test
  void everyBadInputToEveryEndpointIsAProblemWithItsReasonAndWritesNothing() {
    String paymentId = createPayment();
    createPayment();
    String paymentsCursor =
        readJson(get(merchant, "/v1/payments?limit=1")).get("next_cursor").stringValue();
    String auditCursor =
        readJson(get(auditor, "/v1/audit?limit=1")).get("nextCursor").stringValue();

    List<String> failures = new ArrayList<>();
    for (Bad bad : corpus(paymentId, paymentsCursor, auditCursor)) {
      Map<String, Long> before = counts();
      EntityExchangeResult<byte[]> result = send(bad);
      Map<String, Long> after = counts();
      String body =
          result.getResponseBody() == null
              ? ""
              : new String(result.getResponseBody(), StandardCharsets.UTF_8);
      String problem = check(bad, result.getStatus().value(), contentType(result), body);
      if (problem != null) {
        failures.add(bad.name() + ": " + problem);
      }
      long audits = bad.method() == HttpMethod.GET ? 0 : 1;
      Map<String, Long> expected = new LinkedHashMap<>(before);
      expected.merge("audit_record", audits, Long::sum);
      expected.merge("outbox audit events", audits, Long::sum);
      if (!after.equals(expected)) {
        failures.add(bad.name() + ": rows " + before + " -> " + after);
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anAmendmentIdenticalToThePaymentIsRefusedAndWritesNothing() {
    String paymentId = createPayment();
    Map<String, Long> before = counts();

    EntityExchangeResult<byte[]> result =
        send(
            new Bad(
                "no-op amendment",
                HttpMethod.POST,
                "/v1/payments/" + paymentId + "/amendments",
                operator,
                "{\"amount_minor\":1999,\"currency\":\"EUR\",\"status\":\"CREATED\","
                    + "\"reason\":\"nothing really\"}",
                409,
                "no-change",
                null));

    assertThat(result.getStatus().value()).isEqualTo(409);
    assertThat(readJson(result.getResponseBody()).get("reason").stringValue())
        .isEqualTo("no-change");
    Map<String, Long> expected = new LinkedHashMap<>(before);
    expected.merge("audit_record", 1L, Long::sum);
    expected.merge("outbox audit events", 1L, Long::sum);
    assertThat(counts()).isEqualTo(expected);
  }

  @Test
  void whatTheHttpServerCannotReadIsAProblemToo() throws Exception {
    String longUri = "/v1/payments?from=" + "9".repeat(10_000);
    Raw uriTooLong = raw("GET " + longUri + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
    Raw headersTooLarge =
        raw(
            "GET /v1/payments HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "h".repeat(20_000)
                + "\r\n\r\n");
    Raw malformed = raw("GET /v1/payments HTTP/x.y\r\nHost: localhost\r\n\r\n");
    Raw encodedSlash =
        raw(
            "GET /v1/payments/pay%2F"
                + "s".repeat(60)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    for (String path :
        List.of(
            "/v1/payments/pay;jsessionid=1",
            "/v1/payments/%2e%2e/audit",
            "/v1/payments/pay%2500",
            "/v1//payments",
            "/v1/payments/./x")) {
      Raw ambiguous =
          raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      assertThat(ambiguous.status()).as(path).isEqualTo(400);
      assertThat(ambiguous.reason()).as(path).isEqualTo("malformed-request");
      assertThat(ambiguous.head()).containsIgnoringCase("content-type: application/problem+json");
    }
    assertThat(uriTooLong.status()).isEqualTo(414);
    assertThat(uriTooLong.reason()).isEqualTo("uri-too-long");
    assertThat(headersTooLarge.status()).isEqualTo(431);
    assertThat(headersTooLarge.reason()).isEqualTo("headers-too-large");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.reason()).isEqualTo("malformed-request");
    assertThat(encodedSlash.status()).isEqualTo(400);
    assertThat(encodedSlash.reason()).isEqualTo("encoded-slash");
    for (Raw answer : List.of(uriTooLong, headersTooLarge, malformed, encodedSlash)) {
      assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
      assertThat(answer.body()).doesNotContain("9".repeat(41), "h".repeat(41), "s".repeat(41));
    }
  }

  record Raw(int status, String head, String body) {
    String reason() {
      return JSON.readTree(body).get("reason").stringValue();
    }
  }

  private Raw raw(String request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(15_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        answer.write(buffer, 0, read);
        if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      return new Raw(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
    }
  }

  /** Whether the head and a Content-Length body are all there. */
  private static boolean complete(String text) {
    int split = text.indexOf("\r\n\r\n");
    if (split < 0) {
      return false;
    }
    for (String line : text.substring(0, split).split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(15).trim());
        return text.length() - split - 4 >= length;
      }
    }
    return false;
  }

  /** Why the answer is wrong, or null. */
  private static String check(Bad bad, int status, String contentType, String body) {
    if (status >= 500) {
      return "answered " + status + " " + abbreviate(body);
    }
    if (status != bad.status()) {
      return "expected " + bad.status() + ", answered " + status + " " + abbreviate(body);
    }
    if (contentType == null || !contentType.startsWith("application/problem+json")) {
      return "content type " + contentType;
    }
    JsonNode problem = readJson(body.getBytes(StandardCharsets.UTF_8));
    String reason = problem.path("reason").asString("");
    if (!bad.reason().equals(reason)) {
      return "reason " + reason + ", expected " + bad.reason() + " " + abbreviate(body);
    }
    if (bad.offending() != null
        && bad.offending().length() > 40
        && body.contains(bad.offending().substring(0, 41))) {
      return "echoes more than 40 characters of the offending value";
    }
    if (body.length() > 2_000) {
      return "a body of " + body.length() + " characters";
    }
    return null;
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static String contentType(EntityExchangeResult<byte[]> result) {
    var type = result.getResponseHeaders().getContentType();
    return type == null ? null : type.toString();
  }

  private EntityExchangeResult<byte[]> send(Bad bad) {
    WebTestClient.RequestBodySpec spec =
        client.method(bad.method()).uri(URI.create("http://localhost:" + port + bad.path()));
    if (bad.key() != null) {
      spec = spec.header("Authorization", "Bearer " + bad.key().token());
    }
    if (bad.method() == HttpMethod.POST) {
      spec = spec.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    for (Map.Entry<String, String> header : bad.headers().entrySet()) {
      spec = spec.header(header.getKey(), header.getValue());
    }
    WebTestClient.RequestHeadersSpec<?> request = spec;
    if (bad.body() != null) {
      request = spec.header("Content-Type", bad.contentType()).bodyValue(bad.body());
    }
    return request.exchange().expectBody().returnResult();
  }

  private WebTestClient.ResponseSpec get(ApiKeyToken.Issued key, String path) {
    return client.get().uri(path).header("Authorization", "Bearer " + key.token()).exchange();
  }

  private static JsonNode readJson(WebTestClient.ResponseSpec response) {
    return readJson(response.expectStatus().isOk().expectBody().returnResult().getResponseBody());
  }

  private static JsonNode readJson(byte[] body) {
    return JSON.readTree(body);
  }

  private String createPayment() {
    byte[] body =
        client
            .post()
            .uri("/v1/payments")
            .header("Authorization", "Bearer " + merchant.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .bodyValue("{\"amount_minor\":1999,\"currency\":\"EUR\",\"provider\":\"simulator\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody();
    return readJson(body).get("payment_id").stringValue();
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, DB.count("select count(*) from " + table));
    }
    counts.put(
        "outbox other",
        DB.count("select count(*) from outbox where topic not like '%audit.events.v1'"));
    counts.put(
        "outbox audit events",
        DB.count("select count(*) from outbox where topic like '%audit.events.v1'"));
    counts.put("audit_record", DB.count("select count(*) from audit_record"));
    return counts;
  }
}
