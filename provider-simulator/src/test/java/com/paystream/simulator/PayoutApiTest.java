package com.paystream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The payouts and our bank's statement over the simulator's HTTP API. */
class PayoutApiTest {

  private final ProviderSimulator simulator =
      new ProviderSimulator(StandardWebhookSigner.newSecret(), 9, "sim");
  private final ProviderApi api = new ProviderApi(simulator);

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void servesThePayoutsTheirReportAndTheBankStatementInBothFormats() {
    simulator.payoutSchedule(PayoutSchedule.EVERY_DAY);
    JsonNode created = api.createPayment("pay-api-1", 10_000, "EUR");
    api.post(simulator.baseUrl() + "/checkout/" + created.get("id").stringValue());
    LocalDate today =
        LocalDate.ofInstant(
            simulator.payment("pay-api-1").orElseThrow().updatedAt(), ZoneOffset.UTC);
    String reference = simulator.payoutReference("EUR", today);
    simulator.payoutFaults(PayoutFaults.NONE.on(reference, PayoutFault.SHORT));

    ProviderApi.Answer payouts = api.get(simulator.baseUrl() + "/v1/payouts/" + today);
    ProviderApi.Answer report =
        api.get(simulator.baseUrl() + "/v1/payouts/" + today + "/report.csv");
    ProviderApi.Answer camt =
        api.get(simulator.baseUrl() + "/v1/bank-statements/" + today.plusDays(1));
    ProviderApi.Answer mt940 =
        api.get(simulator.baseUrl() + "/v1/bank-statements/" + today.plusDays(1) + "?format=mt940");

    assertThat(payouts.status()).isEqualTo(200);
    JsonNode payout = ProviderApi.JSON.readTree(payouts.body()).get(0);
    assertThat(payout.get("payout_reference").stringValue()).isEqualTo(reference);
    assertThat(payout.get("net_minor").longValue()).isEqualTo(9_900);
    assertThat(payout.get("bank_amount_minor").longValue()).isEqualTo(9_800);
    assertThat(payout.get("faults").get(0).stringValue()).isEqualTo("SHORT");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).isEqualTo(simulator.payouts(today).csv()).contains(reference);
    assertThat(camt.status()).isEqualTo(200);
    assertThat(camt.body()).isEqualTo(simulator.bankStatement(today.plusDays(1)).camt053());
    assertThat(mt940.status()).isEqualTo(200);
    assertThat(mt940.body()).contains("/EREF/" + reference).contains("C98,");
  }

  @Test
  void answers404ForADayWithoutPayoutOrBookingAnd400ForABadDateOrFormat() {
    String base = simulator.baseUrl();

    assertThat(api.get(base + "/v1/payouts/2020-01-01/report.csv").status()).isEqualTo(404);
    assertThat(api.get(base + "/v1/bank-statements/2020-01-01").status()).isEqualTo(404);
    assertThat(api.get(base + "/v1/payouts/2020-01-01").body()).isEqualTo("[]");
    assertThat(api.get(base + "/v1/payouts/yesterday/report.csv").status()).isEqualTo(400);
    assertThat(api.get(base + "/v1/bank-statements/2020-01-01?format=bai2").status())
        .isEqualTo(400);
  }

  @Test
  void aMerchantPayoutBookedOnTheBankIsOnItsStatement() {
    LocalDate date = LocalDate.of(2026, 12, 7);
    simulator.bankTransfer(
        BankLine.merchantPayout(date, "EUR", 1_500, "mpo_0123456789abcdefghijKLMN"));

    ProviderApi.Answer camt = api.get(simulator.baseUrl() + "/v1/bank-statements/" + date);

    assertThat(camt.status()).isEqualTo(200);
    assertThat(camt.body()).contains("mpo_0123456789abcdefghijKLMN");
  }
}
