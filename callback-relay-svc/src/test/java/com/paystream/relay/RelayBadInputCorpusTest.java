package com.paystream.relay;

import static com.paystream.security.testing.ProblemAssert.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.paystream.relay.support.GatewayOutbox;
import com.paystream.security.ApiKeyToken;
import com.paystream.security.PrincipalKeys;
import com.paystream.security.Role;
import com.paystream.security.testing.BadInput;
import com.paystream.security.testing.BadRequest;
import com.paystream.security.testing.RawHttp;
import com.paystream.testkit.SharedInfrastructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every class of bad input to every relay endpoint that takes input, as an authorized operator (an
 * auditor for the audit trail), against the real relay, broker and PostgreSQL: each is a 4xx
 * problem+json with a reason, never a 5xx, and nothing is written but the refusal's audit record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayBadInputCorpusTest {

  private static final String PREFIX = SharedInfrastructure.uniqueName("corpus") + ".";
  private static final String OPERATOR = ApiKeyToken.issue().token();
  private static final String AUDITOR = ApiKeyToken.issue().token();
  private static final GatewayOutbox OUTBOX = GatewayOutbox.create(PREFIX);

  /** What a refusal must leave as it was: everything but the audit trail of refusals. */
  private static final List<String> UNTOUCHED =
      List.of(
          "select count(*) from relay.operator_audit",
          "select count(*) from relay.approval_request",
          "select count(*) from relay.approval_decision",
          "select count(*) from relay.redelivery",
          "select count(*) from relay.audit_record where outcome <> 'REFUSED'");

  private static final String REFUSED =
      "select count(*) from relay.audit_record where outcome = 'REFUSED'";

  @LocalServerPort int port;
  private RawHttp http;
  private UUID message;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    GatewayOutbox.register(registry, OUTBOX::database);
    registry.add(
        "spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
    registry.add("paystream.topics.prefix", () -> PREFIX);
    PrincipalKeys.properties(
            List.of(
                PrincipalKeys.Holder.of("olga", Role.OPERATOR, OPERATOR),
                PrincipalKeys.Holder.of("ada", Role.AUDITOR, AUDITOR)))
        .forEach((name, value) -> registry.add(name, () -> value));
  }

  @BeforeEach
  void setUp() {
    http = new RawHttp(port);
    if (message == null) {
      message = OUTBOX.recordOne("pay-" + UUID.randomUUID(), 0, "simulator").messageId();
    }
  }

  /** One query parameter of a listing, with the classes of bad value it must refuse. */
  private record Param(String path, String token, String name, List<BadInput> values) {}

  private static List<Param> queryParameters() {
    String audit = "/v1/audit";
    return List.of(
        new Param("/v1/callbacks", OPERATOR, "olderThan", BadInput.durations()),
        new Param("/v1/callbacks", OPERATOR, "limit", BadInput.pageSizes()),
        new Param("/v1/callbacks", OPERATOR, "cursor", BadInput.texts()),
        new Param("/v1/callbacks", OPERATOR, "provider", BadInput.texts()),
        new Param("/v1/callbacks", OPERATOR, "paymentId", BadInput.texts()),
        new Param("/v1/callbacks", OPERATOR, "status", BadInput.texts()),
        new Param("/v1/approvals", OPERATOR, "limit", BadInput.pageSizes()),
        new Param("/v1/approvals", OPERATOR, "state", BadInput.texts()),
        new Param(audit, AUDITOR, "from", BadInput.instants()),
        new Param(audit, AUDITOR, "to", BadInput.instants()),
        new Param(audit, AUDITOR, "limit", BadInput.pageSizes()),
        new Param(audit, AUDITOR, "cursor", BadInput.texts()),
        new Param(audit, AUDITOR, "outcome", BadInput.texts()),
        new Param(audit, AUDITOR, "actor", List.of(BadInput.HUGE_TEXT)),
        new Param(audit, AUDITOR, "action", List.of(BadInput.HUGE_TEXT)),
        new Param(audit, AUDITOR, "target", List.of(BadInput.HUGE_TEXT)));
  }

  @Test
  void everyBadQueryValueIsA4xxProblem() {
    Map<String, Long> before = counts();
    for (Param param : queryParameters()) {
      for (BadInput bad : BadInput.inQuery(param.values())) {
        String target = param.path() + "?" + param.name() + "=" + encode(bad.value());
        RawHttp.Response response = http.send("GET", target, param.token());

        assertRefused(response, bad.value());
      }
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theIssuesDurationAndPageSizeAreRefusedWithTheirReasons() {
    assertThat(reason(get("/v1/callbacks?olderThan=P999999999D")))
        .isEqualTo("duration-out-of-range");
    assertThat(reason(get("/v1/callbacks?olderThan=PT0S"))).isEqualTo("duration-out-of-range");
    assertThat(reason(get("/v1/callbacks?olderThan=-PT1H"))).isEqualTo("duration-out-of-range");
    assertThat(reason(get("/v1/callbacks?limit=501"))).isEqualTo("page-size-out-of-range");
    assertThat(reason(get("/v1/callbacks?limit=1.5"))).isEqualTo("not-an-integer");
    assertThat(reason(get("/v1/callbacks?cursor=bm90LWEtY3Vyc29y"))).isEqualTo("malformed-cursor");
    assertThat(reason(get("/v1/callbacks?paymentId=a%20b"))).isEqualTo("malformed-identifier");
    assertThat(reason(get("/v1/callbacks/not-a-uuid"))).isEqualTo("malformed-identifier");
  }

  @Test
  void aValidListingStillAnswers() {
    RawHttp.Response response = get("/v1/callbacks?olderThan=PT1M&limit=500");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  /** One JSON body field of a state-changing endpoint and the classes of bad value for it. */
  private record Field(String path, String name, List<BadInput> values, boolean list) {}

  private List<Field> bodyFields() {
    String one = "/v1/callbacks/" + message + "/redrive";
    String bulk = "/v1/callbacks/redrive";
    String approve = "/v1/approvals/" + UUID.randomUUID() + "/approve";
    String reject = "/v1/approvals/" + UUID.randomUUID() + "/reject";
    return List.of(
        new Field(one, "reason", BadInput.texts(), false),
        new Field(bulk, "reason", BadInput.texts(), false),
        new Field(bulk, "olderThan", BadInput.durations(), false),
        new Field(bulk, "provider", BadInput.texts(), false),
        new Field(bulk, "paymentId", BadInput.texts(), false),
        new Field(bulk, "status", BadInput.texts(), true),
        new Field(approve, "reason", List.of(BadInput.HUGE_TEXT), false),
        new Field(reject, "reason", List.of(BadInput.HUGE_TEXT), false));
  }

  @Test
  void everyBadBodyValueIsA4xxProblemWithOnlyItsRefusalRecorded() {
    for (Field field : bodyFields()) {
      for (BadInput bad : field.values()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "corpus");
        String quoted = '"' + bad.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        String json = json(body, field.name(), field.list() ? "[" + quoted + "]" : quoted);
        Map<String, Long> before = counts();
        long refusedBefore = refusedCount();

        RawHttp.Response response = http.send("POST", field.path(), OPERATOR, Map.of(), json);

        assertRefused(response, bad.value());
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedCount() == refusedBefore + 1);
        assertThat(counts()).as("%s %s %s", field.path(), field.name(), bad).isEqualTo(before);
      }
    }
  }

  @Test
  void everyBadRequestClassIsA4xxProblemAtEveryEndpoint() {
    Map<String, Long> before = counts();
    List<String[]> endpoints = new ArrayList<>();
    endpoints.add(new String[] {"GET", "/v1/callbacks?limit=5", null, OPERATOR});
    endpoints.add(new String[] {"GET", "/v1/callbacks/" + message, null, OPERATOR});
    endpoints.add(
        new String[] {
          "POST", "/v1/callbacks/" + message + "/redrive", "{\"reason\":\"r\"}", OPERATOR
        });
    endpoints.add(
        new String[] {
          "POST", "/v1/callbacks/redrive", "{\"provider\":\"nobody\",\"reason\":\"r\"}", OPERATOR
        });
    endpoints.add(new String[] {"GET", "/v1/approvals?limit=5", null, OPERATOR});
    endpoints.add(new String[] {"GET", "/v1/approvals/" + UUID.randomUUID(), null, OPERATOR});
    endpoints.add(
        new String[] {"POST", "/v1/approvals/" + UUID.randomUUID() + "/approve", "{}", OPERATOR});
    endpoints.add(
        new String[] {"POST", "/v1/approvals/" + UUID.randomUUID() + "/reject", "{}", OPERATOR});
    endpoints.add(new String[] {"GET", "/v1/audit?limit=5", null, AUDITOR});
    for (String[] endpoint : endpoints) {
      for (BadRequest bad : BadRequest.forMethod(endpoint[0])) {
        long refusedBefore = refusedCount();

        RawHttp.Response response =
            bad.send(http, endpoint[0], endpoint[1], endpoint[2], endpoint[3]);

        assertRefused(response, bad.value());
        assertThat(refusedCount() - refusedBefore)
            .as("audit records of one refusal of %s %s", bad, endpoint[1])
            .isLessThanOrEqualTo(1);
      }
    }
    assertThat(counts()).isEqualTo(before);
  }

  private RawHttp.Response get(String target) {
    return http.send("GET", target, OPERATOR);
  }

  private static String reason(RawHttp.Response response) {
    return assertRefused(response, null);
  }

  private static String json(Map<String, Object> fields, String name, String value) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (key, text) -> {
          if (!key.equals(name)) {
            json.append('"').append(key).append("\":\"").append(text).append("\",");
          }
        });
    return json.append('"').append(name).append("\":").append(value).append('}').toString();
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String sql : UNTOUCHED) {
      counts.put(sql, OUTBOX.jdbc().queryForObject(sql, Long.class));
    }
    return counts;
  }

  private static long refusedCount() {
    return OUTBOX.jdbc().queryForObject(REFUSED, Long.class);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
