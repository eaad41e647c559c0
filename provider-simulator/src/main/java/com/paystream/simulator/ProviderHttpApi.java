package com.paystream.simulator;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's REST API on 127.0.0.1, the protocol of the gateway's {@code RestProviderClient}:
 * create a payment (idempotent by the gateway's payment id), query its status, refund (idempotent
 * by key) and cancel it; and the customer's checkout page, which settles the payment. Fails the
 * next requests with 503 on demand, as a provider outage does. Besides, what a provider publishes
 * and our bank sends: the payouts of a business date, their report as provider CSV, and our bank's
 * statement of a booking date (camt.053 or MT940).
 */
final class ProviderHttpApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PaymentStore store;
  private final Settlements settlements;
  private final Payouts payouts;
  private final Bank bank;
  private final AtomicInteger failNextRequests = new AtomicInteger();
  private final AtomicInteger statusQueries = new AtomicInteger();
  private final DisposableServer server;

  /**
   * @param port where to listen on 127.0.0.1; 0 for any free port
   */
  ProviderHttpApi(
      PaymentStore store, Settlements settlements, Payouts payouts, Bank bank, int port) {
    this.store = store;
    this.settlements = settlements;
    this.payouts = payouts;
    this.bank = bank;
    this.server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(port)
            .route(
                routes ->
                    routes
                        .post("/v1/payments", this::create)
                        .get("/v1/payments", this::status)
                        .post("/v1/payments/{id}/refunds", this::refund)
                        .post("/v1/payments/{id}/cancel", this::cancel)
                        .post("/checkout/{id}", this::checkout)
                        .get("/v1/payouts/{date}", this::payouts)
                        .get("/v1/payouts/{date}/report.csv", this::payoutReport)
                        .get("/v1/bank-statements/{date}", this::bankStatement))
            .bindNow(Duration.ofSeconds(10));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The next {@code count} API requests fail with 503. */
  void failNextRequests(int count) {
    failNextRequests.set(count);
  }

  /** Status queries answered so far (found or not). */
  int statusQueries() {
    return statusQueries.get();
  }

  void close() {
    server.disposeNow(Duration.ofSeconds(5));
  }

  private boolean outage() {
    return failNextRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  private Mono<Void> create(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .flatMap(
            bytes -> {
              JsonNode json = JSON.readTree(bytes);
              SimulatedPayment payment =
                  store.create(
                      json.get("payment_id").stringValue(),
                      json.get("merchant_id").stringValue(),
                      json.get("amount_minor").longValue(),
                      json.get("currency").stringValue());
              return json(
                  response,
                  201,
                  Map.of(
                      "id",
                      payment.id(),
                      "status",
                      payment.status(),
                      "redirect_url",
                      baseUrl() + "/checkout/" + payment.id()));
            });
  }

  private Mono<Void> status(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    List<String> asked =
        new QueryStringDecoder(request.uri()).parameters().getOrDefault("payment_id", List.of());
    SimulatedPayment payment =
        asked.size() == 1 ? store.byPaymentId(asked.get(0)).orElse(null) : null;
    statusQueries.incrementAndGet();
    if (payment == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", payment.id());
    json.put("payment_id", payment.paymentId());
    json.put("merchant_id", payment.merchantId());
    json.put("amount_minor", payment.amountMinor());
    json.put("currency", payment.currency());
    json.put("status", payment.status());
    json.put("updated_at", payment.updatedAt().toString());
    json.put("state_id", payment.stateId());
    return json(response, 200, json);
  }

  private Mono<Void> refund(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    SimulatedPayment payment = store.byId(request.param("id")).orElse(null);
    String key = request.requestHeaders().get("Idempotency-Key");
    if (payment == null || key == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    return request
        .receive()
        .aggregate()
        .asByteArray()
        .flatMap(
            bytes -> {
              long amount = JSON.readTree(bytes).get("amount_minor").longValue();
              return json(response, 201, Map.of("id", store.refund(payment, key, amount)));
            });
  }

  /**
   * The customer at the redirect URL: {@code POST /checkout/{id}?status=SUCCEEDED|FAILED} (default
   * {@code SUCCEEDED}) settles the payment, which sends its webhook.
   */
  private Mono<Void> checkout(HttpServerRequest request, HttpServerResponse response) {
    SimulatedPayment payment = store.byId(request.param("id")).orElse(null);
    if (payment == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    String status =
        new QueryStringDecoder(request.uri())
            .parameters()
            .getOrDefault("status", List.of("SUCCEEDED"))
            .get(0);
    if (!"SUCCEEDED".equals(status) && !"FAILED".equals(status)) {
      return json(response, 400, Map.of("error", "status is SUCCEEDED or FAILED"));
    }
    if (!"PENDING".equals(payment.status())) {
      return json(response, 409, Map.of("error", "payment is " + payment.status()));
    }
    return settlements
        .settle(payment.paymentId(), status, OptionalLong.empty())
        .then(Mono.defer(() -> json(response, 200, Map.of("id", payment.id(), "status", status))));
  }

  private Mono<Void> cancel(HttpServerRequest request, HttpServerResponse response) {
    if (outage()) {
      return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE).send();
    }
    String id = request.param("id");
    SimulatedPayment payment = store.byId(id).orElse(null);
    if (payment == null) {
      return response.status(HttpResponseStatus.NOT_FOUND).send();
    }
    if ("SUCCEEDED".equals(payment.status())) {
      return response.status(HttpResponseStatus.CONFLICT).send();
    }
    store.cancel(id);
    return json(response, 200, Map.of("id", id, "status", "CANCELLED"));
  }

  /** {@code GET /v1/payouts/{date}}: the payouts of a business date as JSON. */
  private Mono<Void> payouts(HttpServerRequest request, HttpServerResponse response) {
    LocalDate date = date(request);
    if (date == null) {
      return json(response, 400, Map.of("error", "the date is YYYY-MM-DD"));
    }
    List<Map<String, Object>> body = new ArrayList<>();
    for (Payout payout : payouts.of(date)) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("payout_reference", payout.reference());
      json.put("statement_id", payout.statementId());
      json.put("currency", payout.currency());
      json.put("business_date", payout.businessDate().toString());
      json.put("value_date", payout.valueDate().toString());
      json.put("payments_minor", payout.paymentsMinor());
      json.put("refunds_minor", payout.refundsMinor());
      json.put("fees_minor", payout.feesMinor());
      json.put("chargebacks_minor", payout.chargebacksMinor());
      json.put("net_minor", payout.netMinor());
      json.put("bank_booking_date", payout.bankBookingDate().map(Object::toString).orElse(null));
      json.put("bank_amount_minor", payout.bankAmountMinor());
      json.put("faults", payout.faults().stream().map(Enum::name).sorted().toList());
      body.add(json);
    }
    return json(response, 200, body);
  }

  /**
   * {@code GET /v1/payouts/{date}/report.csv}: the payout report of a business date as provider
   * CSV; 404 when there is no payout that day.
   */
  private Mono<Void> payoutReport(HttpServerRequest request, HttpServerResponse response) {
    LocalDate date = date(request);
    if (date == null) {
      return json(response, 400, Map.of("error", "the date is YYYY-MM-DD"));
    }
    PayoutReport report = new PayoutReport(date, payouts.of(date));
    if (report.isEmpty()) {
      return json(response, 404, Map.of("error", "no payout on " + date));
    }
    return text(response, "text/csv; charset=utf-8", report.csv());
  }

  /**
   * {@code GET /v1/bank-statements/{date}?format=camt053|mt940} (default camt053): our bank's
   * statement of a booking date; 404 when nothing was booked that day.
   */
  private Mono<Void> bankStatement(HttpServerRequest request, HttpServerResponse response) {
    LocalDate date = date(request);
    String format =
        new QueryStringDecoder(request.uri())
            .parameters()
            .getOrDefault("format", List.of("camt053"))
            .get(0);
    if (date == null || !List.of("camt053", "mt940").contains(format)) {
      return json(
          response, 400, Map.of("error", "the date is YYYY-MM-DD, the format camt053 or mt940"));
    }
    BankStatement statement = bank.statement(date);
    if (statement.isEmpty()) {
      return json(response, 404, Map.of("error", "nothing booked on " + date));
    }
    return "mt940".equals(format)
        ? text(response, "text/plain; charset=utf-8", statement.mt940())
        : text(response, "application/xml; charset=utf-8", statement.camt053());
  }

  private static LocalDate date(HttpServerRequest request) {
    try {
      return LocalDate.parse(request.param("date"));
    } catch (DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  private static Mono<Void> text(HttpServerResponse response, String contentType, String body) {
    return response
        .status(200)
        .header("Content-Type", contentType)
        .sendByteArray(Mono.just(body.getBytes(StandardCharsets.UTF_8)))
        .then();
  }

  private static Mono<Void> json(HttpServerResponse response, int status, Object body) {
    return response
        .status(status)
        .header("Content-Type", "application/json")
        .sendByteArray(Mono.just(JSON.writeValueAsBytes(body)))
        .then();
  }
}
