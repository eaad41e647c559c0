package com.paystream.security.servlet;

import static com.paystream.security.testing.ProblemAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.paystream.security.servlet.app.ServletTestApp;
import com.paystream.security.servlet.edge.ServletEdge;
import com.paystream.security.testing.BadInput;
import com.paystream.security.testing.BadRequest;
import com.paystream.security.testing.RawHttp;
import com.paystream.security.testing.TestKeys;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The servlet edge over real HTTP: whatever refuses a request — the input policy, Spring MVC,
 * Spring Security's firewall or Tomcat itself — the caller gets problem+json with a stable reason
 * and no more than 40 characters of what it sent.
 */
@SpringBootTest(
    classes = ServletTestApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.main.web-application-type=servlet")
class ServletEdgeIT {

  private static final TestKeys KEYS = new TestKeys();
  private static final String NOTES = "/v1/things/t-1/notes";
  private static final String VALID_NOTE = "{\"text\":\"hello\",\"count\":2}";

  @DynamicPropertySource
  static void security(DynamicPropertyRegistry registry) {
    KEYS.register(registry);
  }

  @LocalServerPort int port;

  private RawHttp http;
  private String operator;

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
    operator = KEYS.operator.token();
  }

  private RawHttp.Response post(String path, String body) {
    return http.send("POST", path, operator, Map.of(), body);
  }

  private RawHttp.Response get(String path) {
    return http.send("GET", path, operator);
  }

  @Test
  void aValidRequestPasses() {
    RawHttp.Response response = post(NOTES, VALID_NOTE);

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat((Integer) JsonPath.read(response.body(), "$.count")).isEqualTo(2);
  }

  @Test
  void aPolicyRefusalNamesItsReasonAndField() {
    RawHttp.Response response = get("/v1/notes?olderThan=P999999999D");

    assertRefused(response, "P999999999D", "duration-out-of-range");
    assertThat((String) JsonPath.read(response.body(), "$.field")).isEqualTo("olderThan");
  }

  @Test
  void aFractionIsNeverReadIntoAWholeNumber() {
    RawHttp.Response response = post(NOTES, "{\"text\":\"hello\",\"count\":1.5}");

    assertRefused(response, null, "not-an-integer");
    assertThat((String) JsonPath.read(response.body(), "$.field")).isEqualTo("count");
  }

  @Test
  void aNumberBeyondLongIsOutOfRangeNotWrapped() {
    RawHttp.Response response =
        post(NOTES, "{\"text\":\"hello\",\"count\":" + BadInput.BEYOND_LONG.value() + "}");

    assertRefused(response, null, "integer-out-of-range");
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    assertRefused(
        post(NOTES, "{\"text\":\"a\",\"text\":\"b\",\"count\":1}"), null, "malformed-json");
  }

  @Test
  void malformedJsonIsRefusedWithoutQuotingIt() {
    String body = "{\"text\":\"" + BadInput.HUGE_TEXT.value();

    assertRefused(post(NOTES, body), BadInput.HUGE_TEXT.value(), "malformed-json");
  }

  @Test
  void hugeTextIsRefusedWithAShortEcho() {
    String text = BadInput.HUGE_TEXT.value();

    assertRefused(post(NOTES, "{\"text\":\"" + text + "\",\"count\":1}"), text, "text-too-long");
  }

  @Test
  void aParameterOfTheWrongTypeIsRefused() {
    assertRefused(get("/v1/notes?limit=1.5"), "1.5", "not-an-integer");
    assertRefused(
        get("/v1/notes?limit=" + BadInput.BEYOND_LONG.value()), null, "integer-out-of-range");
    assertRefused(get("/v1/notes?limit=0"), null, "page-size-out-of-range");
  }

  @Test
  void aMissingParameterIsNamed() {
    RawHttp.Response response = get("/v1/notes/search");

    assertRefused(response, null, "missing");
    assertThat((String) JsonPath.read(response.body(), "$.field")).isEqualTo("q");
  }

  @Test
  void theServicesOwnFaultIsA500ProblemThatTellsNothingInternal() {
    RawHttp.Response response = get("/v1/notes/broken");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat((String) JsonPath.read(response.body(), "$.reason")).isEqualTo("server-fault");
    assertThat(response.body()).doesNotContain("internal detail", "IllegalStateException");
  }

  @Test
  void aWrongContentTypeIs415() {
    RawHttp.Response response =
        http.send("POST", NOTES, operator, Map.of("Content-Type", "text/plain"), "text");

    assertThat(response.status()).isEqualTo(415);
    assertRefused(response, null, "unsupported-media-type");
  }

  @Test
  void anAnswerTheCallerDoesNotAcceptIs406() {
    RawHttp.Response response =
        http.send("POST", NOTES, operator, Map.of("Accept", "text/csv"), VALID_NOTE);

    assertThat(response.status()).isEqualTo(406);
    assertRefused(response, null, "not-acceptable");
  }

  @Test
  void anUnmappedMethodIs405WithAllow() {
    RawHttp.Response response = http.send("PUT", NOTES, operator, Map.of(), VALID_NOTE);

    assertThat(response.status()).isEqualTo(405);
    assertRefused(response, null, "method-not-allowed");
    assertThat(response.header("Allow")).contains("POST");
  }

  @Test
  void anUnmappedPathIs404() {
    RawHttp.Response response = get("/v1/pages/7");

    assertThat(response.status()).isEqualTo(404);
    assertRefused(response, null, "not-found");
  }

  @Test
  void anEncodedSlashIsRefusedAsProblemJson() {
    RawHttp.Response response = get("/v1/things/a%2Fb");

    assertThat(response.status()).isEqualTo(400);
    assertRefused(response, null, "encoded-slash");
    assertThat((String) JsonPath.read(response.body(), "$.detail")).contains("encoded slash");
  }

  @Test
  void anEncodedBackslashIsRefusedAsProblemJson() {
    assertRefused(get("/v1/things/a%5Cb"), null, "encoded-slash");
  }

  @Test
  void aPathTheFirewallDistrustsIsRefusedAsProblemJson() {
    assertRefused(get("/v1/things/a/../b"), null, "malformed-request");
    assertRefused(get("/v1/things/a%25b"), null, "malformed-request");
  }

  @Test
  void aTooLongUrlIs414() {
    String filler = BadRequest.LONG_URL.value();
    RawHttp.Response response = get("/v1/notes?q=" + filler);

    assertThat(response.status()).isEqualTo(414);
    assertRefused(response, filler, "uri-too-long");
  }

  @Test
  void aTooLongPathIs414WithoutEchoingIt() {
    String filler = BadRequest.LONG_URL.value();
    RawHttp.Response response = get("/v1/things/" + filler);

    assertThat(response.status()).isEqualTo(414);
    assertRefused(response, filler, "uri-too-long");
  }

  @Test
  void tooLargeHeadersAre431() {
    String filler = BadRequest.HUGE_HEADER.value();
    RawHttp.Response response =
        http.send("GET", "/v1/notes", operator, Map.of("X-Pad", filler), null);

    assertThat(response.status()).isEqualTo(431);
    assertRefused(response, filler, "headers-too-large");
  }

  @Test
  void beyondWhatTomcatReadsItsOwn400IsStillAProblem() {
    String filler = "h".repeat(ServletEdge.CONNECTOR_HEADER_BYTES + 1);
    RawHttp.Response response =
        http.send("GET", "/v1/notes", operator, Map.of("X-Pad", filler), null);

    assertThat(response.status()).isEqualTo(400);
    assertRefused(response, filler, "malformed-request");
  }

  @Test
  void traceIsRefusedAsProblemJson() {
    RawHttp.Response response = http.send("TRACE", "/v1/notes", operator);

    assertThat(response.status()).isEqualTo(405);
    assertRefused(response, null, "method-not-allowed");
  }

  @Test
  void aMalformedRequestLineIsRefusedAsProblemJson() {
    RawHttp.Response response = http.send("GET", "/v1/notes/%zz", operator);

    assertThat(response.status()).isEqualTo(400);
    assertRefused(response, null, "malformed-request");
  }

  @Test
  void everyRequestClassOfTheCorpusIsA4xxProblem() {
    for (BadRequest bad : BadRequest.forMethod("POST")) {
      RawHttp.Response response = bad.send(http, "POST", NOTES, VALID_NOTE, operator);

      assertRefused(response, bad.value());
    }
  }
}
