package com.paystream.gateway.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.paystream.gateway.providers.ProviderPayment;
import com.paystream.gateway.providers.ProviderPaymentRequest;
import com.paystream.gateway.providers.ProviderPaymentStatus;
import com.paystream.gateway.providers.ProviderRefundRequest;
import com.paystream.gateway.providers.ProviderUnavailable;
import com.paystream.gateway.providers.http.RestProviderClient;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.simulator.ProviderSimulator;
import com.paystream.simulator.StandardWebhookSigner;
import com.paystream.simulator.WebhookFaults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/** The simulator speaks the gateway's provider protocol and writes a statement recon can ingest. */
class ProviderSimulatorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProviderSimulator simulator =
      new ProviderSimulator(StandardWebhookSigner.newSecret(), 7);
  private final RestProviderClient client =
      new RestProviderClient(
          WebClient.builder().baseUrl(simulator.baseUrl()).build(), "simulator", TIMEOUT);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private DisposableServer receiver;

  @AfterEach
  void stop() {
    simulator.close();
    if (receiver != null) {
      receiver.disposeNow(TIMEOUT);
    }
  }

  private String create(long amountMinor, String currency) {
    String paymentId = "pay-" + UUID.randomUUID();
    ProviderPayment created =
        client
            .createPayment(
                new ProviderPaymentRequest(
                    new PaymentId(paymentId),
                    new MerchantId("m-sim"),
                    Money.of(amountMinor, currency),
                    Optional.empty()))
            .block(TIMEOUT);
    assertThat(created.providerPaymentId()).startsWith("psp_");
    return paymentId;
  }

  private ProviderPaymentStatus status(String paymentId) {
    return client.paymentStatus(paymentId).block(TIMEOUT).orElseThrow();
  }

  @Test
  void answersStatusQueriesTheWayTheRestClientReadsThem() {
    String paymentId = create(1250, "EUR");

    ProviderPaymentStatus pending = status(paymentId);
    ProviderPaymentStatus pendingAgain = status(paymentId);
    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);
    ProviderPaymentStatus succeeded = status(paymentId);

    assertThat(pending.status()).isEqualTo("PENDING");
    assertThat(pending.amount()).isEqualTo(Money.of(1250, "EUR"));
    assertThat(pending.merchantId()).isEqualTo(new MerchantId("m-sim"));
    assertThat(pendingAgain.observationId()).isEqualTo(pending.observationId());
    assertThat(succeeded.status()).isEqualTo("SUCCEEDED");
    assertThat(succeeded.observationId()).isNotEqualTo(pending.observationId());
    assertThat(succeeded.providerPaymentId()).isEqualTo(pending.providerPaymentId());
    assertThat(client.paymentStatus("pay-unknown").block(TIMEOUT)).isEmpty();
    assertThat(simulator.statusQueries()).isEqualTo(4);
  }

  @Test
  void writesTheStatementInTheProviderCsvFormatReconciliationIngests() {
    String eur1 = create(12550, "EUR");
    String eur2 = create(4999, "EUR");
    String usd = create(100000, "USD");
    String unpaid = create(700, "EUR");
    for (String paymentId : List.of(eur1, eur2, usd)) {
      simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);
    }
    String refundId =
        client
            .refund(new ProviderRefundRequest("ref-1", pspId(eur2), Money.of(1500, "EUR")))
            .block(TIMEOUT)
            .providerRefundId();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String date = today.toString();
    String eurStatement = "SIM-" + date.replace("-", "") + "-EUR";
    String usdStatement = "SIM-" + date.replace("-", "") + "-USD";

    List<String> lines = simulator.statementCsv(today).lines().toList();

    // The columns reconciliation-svc's ProviderCsvParser requires and allows, nothing else.
    assertThat(lines.get(0))
        .isEqualTo(
            "statement_id,line_id,booking_date,value_date,payment_reference,provider,direction,"
                + "amount_minor,currency,description,kind");
    assertThat(lines.subList(1, lines.size()))
        .containsExactly(
            row(eurStatement, "0001", date, eur1, "CREDIT", 12550, "EUR", "Payment " + pspId(eur1)),
            row(eurStatement, "0002", date, eur2, "CREDIT", 4999, "EUR", "Payment " + pspId(eur2)),
            row(eurStatement, "0003", date, eur2, "DEBIT", 1500, "EUR", "Refund " + refundId),
            row(usdStatement, "0001", date, usd, "CREDIT", 100000, "USD", "Payment " + pspId(usd)));
    assertThat(String.join("\n", lines)).doesNotContain(unpaid);
    assertThat(simulator.statementCsv(today.minusDays(1)).lines()).hasSize(1);
  }

  private static String row(
      String statementId,
      String lineId,
      String date,
      String paymentId,
      String direction,
      long amountMinor,
      String currency,
      String description) {
    return String.join(
        ",",
        statementId,
        lineId,
        date,
        date,
        paymentId,
        "simulator",
        direction,
        Long.toString(amountMinor),
        currency,
        description,
        direction.equals("CREDIT") ? "payment" : "refund");
  }

  private String pspId(String paymentId) {
    return simulator.payment(paymentId).orElseThrow().id();
  }

  private void receiveWebhooks() {
    receiver =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle(
                (request, response) ->
                    request
                        .receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .doOnNext(
                            body ->
                                received.add(
                                    JsonMapper.builder()
                                        .build()
                                        .readTree(body)
                                        .get("data")
                                        .get("payment_id")
                                        .stringValue()))
                        .then(response.status(200).send().then()))
            .bindNow(TIMEOUT);
    simulator.webhookUrl("http://127.0.0.1:" + receiver.port() + "/v1/webhooks/simulator");
  }

  @Test
  void dropsWebhooksAtTheDropRate() {
    receiveWebhooks();
    simulator.faults(new WebhookFaults(1.0, 0, 0, Duration.ZERO));
    String paymentId = create(100, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    assertThat(simulator.webhooksSent()).isZero();
    assertThat(received).isEmpty();
    assertThat(status(paymentId).status()).isEqualTo("SUCCEEDED");
  }

  @Test
  void sendsEveryWebhookTwiceAtDuplicateRateOne() {
    receiveWebhooks();
    simulator.faults(new WebhookFaults(0, 1.0, 0, Duration.ofMillis(20)));
    String paymentId = create(100, "EUR");

    simulator.settle(paymentId, "SUCCEEDED").block(TIMEOUT);

    await().atMost(TIMEOUT).until(() -> received.size() == 2);
    assertThat(received).containsExactly(paymentId, paymentId);
  }

  @Test
  void holdsAWebhookBackAndSendsItAfterTheNextOneWhenReordering() {
    receiveWebhooks();
    String first = create(100, "EUR");
    String second = create(200, "EUR");
    simulator.faults(new WebhookFaults(0, 0, 1.0, Duration.ZERO));
    simulator.settle(first, "SUCCEEDED").block(TIMEOUT);
    assertThat(received).isEmpty();

    simulator.settle(second, "SUCCEEDED").block(TIMEOUT);

    await().atMost(TIMEOUT).until(() -> received.size() == 2);
    assertThat(received).containsExactly(second, first);
  }

  @Test
  void answersStatusQueriesWith503DuringAnOutage() {
    String paymentId = create(100, "EUR");
    simulator.failNextRequests(1);

    Mono<Optional<ProviderPaymentStatus>> query = client.paymentStatus(paymentId);

    assertThatThrownBy(() -> query.block(TIMEOUT)).isInstanceOf(ProviderUnavailable.class);
    assertThat(status(paymentId).status()).isEqualTo("PENDING");
  }
}
