package com.paystream.ledger.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.ledger.support.LedgerServiceTest;
import com.paystream.security.testing.Callers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Every bad-input class against every ledger endpoint that takes input (path, query, body), sent by
 * a caller the route admits: a 4xx problem+json with the expected stable {@code reason}, never a
 * 5xx, never more than 40 characters of the value sent, and nothing written (journal, postings,
 * holds, approvals, closes) but the refusal's audit record.
 */
class LedgerBadInputCorpusTest extends LedgerServiceTest {

  private static final String HUGE = "x".repeat(100_000);

  /** Long, yet short enough that the URL fits the server's request-line limit. */
  private static final String LONG = "y".repeat(3_500);

  /** An account code of the declared shape (64 characters) that no account has. */
  private static final String UNKNOWN_ACCOUNT = "merchant:" + "u".repeat(51) + ":EUR";

  private static final String UUID_OK = "3f0c2a9e-5b7d-4c1e-9a8b-1d2e3f4a5b6c";
  private static final String JSON = "application/json";

  private static final List<String> WRITTEN_TABLES =
      List.of(
          "journal_entry",
          "posting",
          "hold",
          "hold_settlement",
          "approval_request",
          "approval_decision",
          "day_close",
          "processed_event",
          "merchant_bank_details",
          "merchant_bank_details_approval",
          "merchant_payout",
          "merchant_payout_settlement");

  private final HttpClient client = HttpClient.newHttpClient();

  /** One bad request: what is sent, the value at fault, and what must be answered. */
  record Bad(
      String caller,
      String method,
      String path,
      String contentType,
      String body,
      String value,
      int status,
      String reason) {

    @Override
    public String toString() {
      String shown = path.length() > 90 ? path.substring(0, 90) + "…" : path;
      String sent =
          body == null ? "" : " " + (body.length() > 60 ? body.substring(0, 60) + "…" : body);
      return method + " " + shown + sent + " → " + status + " " + reason;
    }
  }

  static Stream<Bad> corpus() {
    List<Bad> all = new ArrayList<>();
    all.addAll(accounts());
    all.addAll(entries());
    all.addAll(holds());
    all.addAll(merchantPayouts());
    all.addAll(days());
    all.addAll(approvals());
    all.addAll(verificationAndAudit());
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusesClearlyAndWritesNothing(Bad bad) throws Exception {
    Map<String, Long> before = written();

    HttpResponse<String> response = send(bad);

    assertThat(response.statusCode())
        .as("status of %s: %s", bad, response.body())
        .isEqualTo(bad.status());
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            type ->
                assertThat(
                        MediaType.parseMediaType(type)
                            .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("content type %s", type)
                    .isTrue());
    assertThat(response.body()).contains("\"reason\":\"" + bad.reason() + "\"");
    // a body that is not JSON at all has no field at fault; every other 400 names one
    if (bad.status() == 400 && !List.of("actor-in-body", "malformed-json").contains(bad.reason())) {
      assertThat(response.body()).as("the field at fault").contains("\"field\":\"");
    }
    assertNoEcho(response.body(), bad.value());
    assertThat(written()).as("rows after %s", bad).isEqualTo(before);
  }

  // --- the corpus, endpoint by endpoint ---

  private static List<Bad> accounts() {
    List<Bad> bad = new ArrayList<>();
    String account = "/v1/accounts/" + UUID_OK;
    bad.addAll(badUuids("/v1/accounts/%s"));
    bad.addAll(badUuids("/v1/accounts/%s/balance?asOf=2026-03-01T00:00:00Z"));
    bad.addAll(badUuids("/v1/accounts/%s/statement?from=2026-03-01&to=2026-03-02"));
    for (String asOf : badInstants()) {
      bad.add(get(account + "/balance?asOf=" + q(asOf), asOf, reasonOfInstant(asOf)));
    }
    bad.add(get(account + "/balance", "", "missing"));
    for (String date : badDates()) {
      String reason = reasonOfDate(date);
      bad.add(get(account + "/statement?from=" + q(date) + "&to=2026-03-02", date, reason));
      bad.add(get(account + "/statement?from=2026-03-01&to=" + q(date), date, reason));
    }
    String statement = account + "/statement?from=2026-03-01&to=2026-03-02";
    for (String limit : List.of("0", "-1", "1001", "9223372036854775807", "99999999999999999999")) {
      bad.add(get(statement + "&limit=" + limit, limit, "page-size-out-of-range"));
    }
    bad.add(get(statement + "&limit=1.5", "1.5", "not-an-integer"));
    bad.add(get(statement + "&limit=ten", "ten", "malformed"));
    for (String cursor : List.of("abc", "-5", "0", "1.5", "99999999999999999999", LONG)) {
      bad.add(get(statement + "&cursor=" + q(cursor), cursor, "malformed-cursor"));
    }
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "GET",
            "/v1/accounts?code=" + q(UNKNOWN_ACCOUNT),
            null,
            null,
            UNKNOWN_ACCOUNT,
            404,
            "unknown-account"));
    for (String code :
        List.of(LONG, "merchant:m 1:EUR", "merchant/m-1/EUR", "m\u00e4rchant:m-1:EUR")) {
      bad.add(get("/v1/accounts?code=" + q(code), code, "malformed-identifier"));
    }
    return bad;
  }

  private static List<Bad> merchantPayouts() {
    List<Bad> bad = new ArrayList<>();
    for (String id : List.of("a".repeat(65), "m 1", "m!1", LONG)) {
      bad.add(payout(p(id), Map.of(), id, "malformed-identifier"));
      bad.add(get("/v1/merchants/" + p(id) + "/bank-details", id, "malformed-identifier"));
      bad.add(get("/v1/merchants/" + p(id) + "/payouts/mpo_corpus", id, "malformed-identifier"));
    }
    bad.add(payout("m-corpus", Map.of("amountMinor", "1.5"), "1.5", "not-an-integer"));
    bad.add(payout("m-corpus", Map.of("amountMinor", "0"), "0", "amount-not-positive"));
    bad.add(payout("m-corpus", Map.of("amountMinor", "-5"), "-5", "amount-not-positive"));
    bad.add(payout("m-corpus", Map.of("amountMinor", "1e30"), "1e30", "integer-out-of-range"));
    bad.add(payout("m-corpus", Map.of("amountMinor", "\"lots\""), "lots", "malformed-json"));
    for (String currency : List.of("XXX", "eur", "", LONG)) {
      bad.add(
          payout(
              "m-corpus", Map.of("currency", json(currency)), currency, "currency-not-accepted"));
    }
    bad.add(payout("m-corpus", Map.of("requestedBy", json(HUGE)), HUGE, "actor-in-body"));
    return bad;
  }

  /** A merchant payout request, valid but for the given raw JSON values. */
  private static Bad payout(
      String merchant, Map<String, String> replaced, String value, String reason) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("amountMinor", "100");
    fields.put("currency", json("EUR"));
    fields.put("idempotencyKey", json("corpus-" + UUID.randomUUID()));
    fields.putAll(replaced);
    StringBuilder body = new StringBuilder("{");
    fields.forEach(
        (k, v) -> body.append(body.length() > 1 ? "," : "").append(json(k)).append(':').append(v));
    return new Bad(
        Callers.OPERATOR,
        "POST",
        "/v1/merchants/" + merchant + "/payouts",
        JSON,
        body.append('}').toString(),
        value,
        400,
        reason);
  }

  private static List<Bad> entries() {
    List<Bad> bad = new ArrayList<>(badUuids("/v1/entries/%s"));
    for (String id : List.of("a".repeat(65), "pay ment", "pay!ment", "-pay", LONG)) {
      bad.add(get("/v1/payments/" + p(id) + "/entries", id, "malformed-identifier"));
    }
    return bad;
  }

  private static List<Bad> holds() {
    List<Bad> bad = new ArrayList<>();
    for (String verb : List.of("capture", "release")) {
      for (Bad get : badUuids("/v1/holds/%s/" + verb)) {
        bad.add(
            new Bad(
                Callers.OPERATOR, "POST", get.path(), null, null, get.value(), 400, get.reason()));
      }
    }
    bad.addAll(badUuids("/v1/holds/%s"));
    bad.add(hold(Map.of("amountMinor", "1.5"), "1.5", "not-an-integer"));
    bad.add(hold(Map.of("amountMinor", "1e-3"), "1e-3", "not-an-integer"));
    bad.add(
        hold(
            Map.of("amountMinor", "9223372036854775807"),
            "9223372036854775807",
            "amount-over-maximum"));
    bad.add(
        hold(
            Map.of("amountMinor", "9223372036854775808"),
            "9223372036854775808",
            "integer-out-of-range"));
    bad.add(hold(Map.of("amountMinor", "1e30"), "1e30", "integer-out-of-range"));
    bad.add(hold(Map.of("amountMinor", "1000000001"), "1000000001", "amount-over-maximum"));
    bad.add(hold(Map.of("amountMinor", "0"), "0", "amount-not-positive"));
    bad.add(hold(Map.of("amountMinor", "-5"), "-5", "amount-not-positive"));
    bad.add(hold(Map.of("amountMinor", "\"lots\""), "lots", "malformed-json"));
    for (String currency : List.of("XXX", "XAU", "XTS", "eur", "EURO", "", LONG)) {
      bad.add(hold(Map.of("currency", json(currency)), currency, "currency-not-accepted"));
    }
    bad.add(hold(Map.of("reason", json(HUGE)), HUGE, "text-too-long"));
    bad.add(hold(Map.of("requestedBy", json(HUGE)), HUGE, "actor-in-body"));
    bad.add(hold(Map.of("holdId", json("not-a-uuid")), "not-a-uuid", "malformed-identifier"));
    bad.add(hold(Map.of("holdId", json(HUGE)), HUGE, "malformed-identifier"));
    bad.add(hold(Map.of("accountCode", json(HUGE)), HUGE, "malformed-identifier"));
    bad.add(
        hold(Map.of("counterAccountCode", json("bank cash")), "bank cash", "malformed-identifier"));
    bad.add(hold(Map.of("accountCode", "null"), "", "missing"));
    // Well-shaped but unknown: 404, and still no more than 40 characters of the code repeated.
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/holds",
            JSON,
            holdBody(Map.of("accountCode", json(UNKNOWN_ACCOUNT))),
            UNKNOWN_ACCOUNT,
            404,
            "unknown-account"));
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/holds",
            JSON,
            holdBody(
                Map.of(
                    "accountCode", json(UNKNOWN_ACCOUNT),
                    "counterAccountCode", json(UNKNOWN_ACCOUNT))),
            UNKNOWN_ACCOUNT,
            422,
            "same-account"));
    String body = holdBody(Map.of());
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/holds",
            JSON,
            "{\"holdId\": ",
            "",
            400,
            "malformed-json"));
    bad.add(
        new Bad(Callers.OPERATOR, "POST", "/v1/holds", JSON, "[1,2]", "", 400, "malformed-json"));
    bad.add(new Bad(Callers.OPERATOR, "POST", "/v1/holds", JSON, "", "", 400, "malformed-json"));
    bad.add(
        new Bad(
            Callers.OPERATOR, "POST", "/v1/holds", JSON, "{" + HUGE, HUGE, 400, "malformed-json"));
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/holds",
            "text/plain",
            body,
            "",
            415,
            "unsupported-media-type"));
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/holds",
            "application/x-www-form-urlencoded",
            "holdId=" + UUID_OK,
            "",
            415,
            "unsupported-media-type"));
    return bad;
  }

  private static List<Bad> days() {
    List<Bad> bad = new ArrayList<>();
    for (String date : badDates()) {
      String reason = reasonOfDate(date);
      bad.add(get("/v1/days/" + p(date), date, reason));
      bad.add(
          new Bad(
              Callers.OPERATOR,
              "POST",
              "/v1/days/" + p(date) + "/close",
              null,
              null,
              date,
              400,
              reason));
    }
    bad.add(
        new Bad(
            Callers.OPERATOR,
            "POST",
            "/v1/days/2026-03-01/close?early=maybe",
            null,
            null,
            "maybe",
            400,
            "malformed"));
    return bad;
  }

  private static List<Bad> approvals() {
    List<Bad> bad = new ArrayList<>(badUuids("/v1/approvals/%s"));
    for (String verb : List.of("approve", "reject")) {
      for (Bad get : badUuids("/v1/approvals/%s/" + verb)) {
        bad.add(
            new Bad(
                Callers.OPERATOR, "POST", get.path(), null, null, get.value(), 400, get.reason()));
      }
      String path = "/v1/approvals/" + UUID.randomUUID() + "/" + verb;
      bad.add(
          new Bad(
              Callers.OPERATOR,
              "POST",
              path,
              JSON,
              "{\"reason\":" + json(HUGE) + "}",
              HUGE,
              400,
              "text-too-long"));
      bad.add(
          new Bad(Callers.OPERATOR, "POST", path, JSON, "{\"reason\":", "", 400, "malformed-json"));
      bad.add(
          new Bad(
              Callers.OPERATOR,
              "POST",
              path,
              "text/plain",
              "{\"reason\":\"ok\"}",
              "",
              415,
              "unsupported-media-type"));
    }
    for (String state : List.of("pending", "DONE", LONG)) {
      bad.add(get("/v1/approvals?state=" + q(state), state, "malformed"));
    }
    for (String limit : List.of("0", "501", "99999999999999999999")) {
      bad.add(get("/v1/approvals?limit=" + limit, limit, "page-size-out-of-range"));
    }
    bad.add(get("/v1/approvals?limit=2.5", "2.5", "not-an-integer"));
    return bad;
  }

  private static List<Bad> verificationAndAudit() {
    List<Bad> bad = new ArrayList<>();
    for (String date : badDates()) {
      bad.add(get("/v1/journal/verification?from=" + q(date), date, reasonOfDate(date)));
      bad.add(get("/v1/journal/verification?to=" + q(date), date, reasonOfDate(date)));
    }
    for (String instant : badInstants()) {
      bad.add(audit("/v1/audit?from=" + q(instant), instant, reasonOfInstant(instant)));
      bad.add(audit("/v1/audit?to=" + q(instant), instant, reasonOfInstant(instant)));
    }
    for (String limit : List.of("0", "501", "99999999999999999999")) {
      bad.add(audit("/v1/audit?limit=" + limit, limit, "page-size-out-of-range"));
    }
    bad.add(audit("/v1/audit?limit=1.5", "1.5", "not-an-integer"));
    for (String cursor : List.of("abc", "bm90IGEgY3Vyc29y", LONG)) {
      bad.add(audit("/v1/audit?cursor=" + q(cursor), cursor, "malformed-cursor"));
    }
    bad.add(audit("/v1/audit?outcome=" + q(LONG), LONG, "malformed"));
    bad.add(audit("/v1/audit?action=" + q("hold place"), "hold place", "malformed-identifier"));
    bad.add(audit("/v1/audit?actor=" + q(LONG), LONG, "text-too-long"));
    bad.add(audit("/v1/audit?target=" + q(LONG), LONG, "text-too-long"));
    return bad;
  }

  // --- the bad-input classes ---

  private static List<String> badInstants() {
    return List.of(
        "+1000000000-01-01T00:00:00Z",
        "-1000000000-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z",
        "1999-12-31T23:59:59Z",
        "2100-01-01T00:00:01Z",
        "2026-13-01T00:00:00Z",
        "yesterday",
        "2026-03-01",
        LONG);
  }

  private static String reasonOfInstant(String instant) {
    return instant.matches("[+-]?\\d{4,}-(0\\d|1[0-2])-\\d\\dT.*Z")
        ? "instant-out-of-range"
        : "malformed";
  }

  private static List<String> badDates() {
    return List.of(
        "+999999999-12-31",
        "-999999999-01-01",
        "1999-12-31",
        "2100-01-02",
        "2026-02-30",
        "today",
        LONG);
  }

  private static String reasonOfDate(String date) {
    return date.matches("[+-]?\\d{4,}-(0\\d|1[0-2])-([0-2]\\d|3[01])") && !date.equals("2026-02-30")
        ? "date-out-of-range"
        : "malformed";
  }

  /** Ids that are not UUIDs in a path of the given format: short, long, odd characters. */
  private static List<Bad> badUuids(String format) {
    List<Bad> bad = new ArrayList<>();
    for (String id :
        List.of(
            "not-a-uuid",
            "1",
            LONG,
            UUID_OK + "0",
            "3f0c2a9e5b7d4c1e9a8b1d2e3f4a5b6c",
            "\u00e9t\u00e9")) {
      bad.add(get(format.formatted(p(id)), id, "malformed-identifier"));
    }
    return bad;
  }

  private static Bad get(String path, String value, String reason) {
    return new Bad(Callers.OPERATOR, "GET", path, null, null, value, 400, reason);
  }

  private static Bad audit(String path, String value, String reason) {
    return new Bad(Callers.AUDITOR, "GET", path, null, null, value, 400, reason);
  }

  /** A hold body, valid but for the given raw JSON values. */
  private static Bad hold(Map<String, String> replaced, String value, String reason) {
    return new Bad(
        Callers.OPERATOR, "POST", "/v1/holds", JSON, holdBody(replaced), value, 400, reason);
  }

  private static String holdBody(Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("holdId", json(UUID.randomUUID().toString()));
    fields.put("accountCode", json("merchant:m-corpus:EUR"));
    fields.put("counterAccountCode", json("provider-clearing:simulator:EUR"));
    fields.put("amountMinor", "100");
    fields.put("currency", json("EUR"));
    fields.put("reason", json("corpus"));
    fields.putAll(replaced);
    StringBuilder body = new StringBuilder("{");
    fields.forEach(
        (k, v) -> body.append(body.length() > 1 ? "," : "").append(json(k)).append(':').append(v));
    return body.append('}').toString();
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A query value, encoded ({@code +} as %2B). */
  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path segment, encoded. */
  private static String p(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // --- sending and checking ---

  private HttpResponse<String> send(Bad bad) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
            .header("Authorization", "Bearer " + bad.caller());
    if (bad.contentType() != null) {
      request.header("Content-Type", bad.contentType());
    }
    request.method(
        bad.method(),
        bad.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(bad.body()));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** No 41 characters in a row of the answer are part of the value sent. */
  private static void assertNoEcho(String answer, String value) {
    int window = 41;
    for (int i = 0; i + window <= answer.length(); i++) {
      String run = answer.substring(i, i + window);
      assertThat(value.contains(run))
          .as("answer repeats %s of the value sent: %s", window, answer)
          .isFalse();
    }
  }

  private Map<String, Long> written() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : WRITTEN_TABLES) {
      counts.put(table, count("select count(*) from " + table));
    }
    return counts;
  }
}
