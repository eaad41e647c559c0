package com.paystream.gateway.webhooks.standard;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.webhooks.ParseResult;
import com.paystream.gateway.webhooks.RejectionReason;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.platform.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksPayloadParserTest {

  private static final SignatureCheck.Verified VERIFIED =
      new SignatureCheck.Verified(Optional.of("msg_1"), Instant.parse("2026-01-31T12:00:00Z"));

  private final StandardWebhooksPayloadParser parser = new StandardWebhooksPayloadParser();

  private static String body(String type, String data) {
    return "{\"type\":\""
        + type
        + "\",\"timestamp\":\"2026-01-31T12:00:00Z\",\"data\":"
        + data
        + "}";
  }

  private static String data(String amount, String currency, String status) {
    return "{\"payment_id\":\"pay_1\",\"merchant_id\":\"m-1\",\"amount_minor\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\",\"status\":\""
        + status
        + "\",\"provider_payment_id\":\"psp_1\"}";
  }

  private ParseResult parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8), VERIFIED);
  }

  private static RejectionReason reason(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Unusable.class);
    return ((ParseResult.Unusable) result).rejection().reason();
  }

  @Test
  void readsAPaymentEvent() {
    ParseResult result = parse(body("payment.succeeded", data("1999", "EUR", "SUCCEEDED")));

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    ProviderReport report = parsed.report();
    assertThat(parsed.providerEventId()).isEqualTo("msg_1");
    assertThat(report.paymentId().value()).isEqualTo("pay_1");
    assertThat(report.merchantId().value()).isEqualTo("m-1");
    assertThat(report.amount()).isEqualTo(Money.of(1999, "EUR"));
    assertThat(report.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(report.providerPaymentId()).contains("psp_1");
    assertThat(report.occurredAt()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
  }

  @Test
  void acceptsTimestampsWithAnOffsetAndUnknownExtraFields() {
    String json =
        "{\"type\":\"payment.pending\",\"timestamp\":\"2026-01-31T13:00:00+01:00\",\"extra\":[1],"
            + "\"data\":{\"payment_id\":\"pay_1\",\"merchant_id\":\"m-1\",\"amount_minor\":0,"
            + "\"currency\":\"JPY\",\"status\":\"PENDING\",\"new_field\":true}}";

    ParseResult.Parsed parsed = (ParseResult.Parsed) parse(json);

    assertThat(parsed.report().occurredAt()).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
    assertThat(parsed.report().providerPaymentId()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1999.0", "19.99", "1e3", "-1", "\"1999\"", "null", "9223372036854775808"})
  void rejectsAmountsThatAreNotNonNegativeIntegerMinorUnits(String amount) {
    assertThat(reason(parse(body("payment.succeeded", data(amount, "EUR", "SUCCEEDED")))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eur", "EU", "EURO", "ABC", ""})
  void rejectsCurrenciesThatAreNotIso4217(String currency) {
    assertThat(reason(parse(body("payment.succeeded", data("1999", currency, "SUCCEEDED")))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{\"type\":\"payment.succeeded\"}",
        "{\"type\":\"payment.succeeded\",\"timestamp\":\"2026-01-31T12:00:00Z\",\"data\":[]}",
        "{\"type\":\"payment.succeeded\",\"type\":\"payment.failed\",\"timestamp\":\"2026-01-31T12:00:00Z\",\"data\":{}}"
      })
  void rejectsBodiesThatAreNotTheExpectedObject(String json) {
    assertThat(reason(parse(json))).isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsTrailingContentAfterTheObject() {
    String json = body("payment.succeeded", data("1999", "EUR", "SUCCEEDED")) + " {}";

    assertThat(reason(parse(json))).isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsATypeThatContradictsTheStatus() {
    assertThat(reason(parse(body("payment.failed", data("1999", "EUR", "SUCCEEDED")))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsUnknownStatuses() {
    assertThat(reason(parse(body("payment.captured", data("1999", "EUR", "CAPTURED")))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsEventsThatAreNotAboutPayments() {
    assertThat(reason(parse(body("invoice.paid", data("1999", "EUR", "SUCCEEDED")))))
        .isEqualTo(RejectionReason.UNSUPPORTED_EVENT_TYPE);
  }

  @Test
  void rejectsBlankOrUnboundedIds() {
    String blank = data("1999", "EUR", "SUCCEEDED").replace("\"pay_1\"", "\" \"");
    String tooLong = data("1999", "EUR", "SUCCEEDED").replace("pay_1", "p".repeat(65));
    String withSpace = data("1999", "EUR", "SUCCEEDED").replace("m-1", "m 1");

    assertThat(reason(parse(body("payment.succeeded", blank))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
    assertThat(reason(parse(body("payment.succeeded", tooLong))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
    assertThat(reason(parse(body("payment.succeeded", withSpace))))
        .isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsTimestampsWithoutAnOffset() {
    String json =
        body("payment.succeeded", data("1999", "EUR", "SUCCEEDED"))
            .replace("2026-01-31T12:00:00Z", "2026-01-31T12:00:00");

    assertThat(reason(parse(json))).isEqualTo(RejectionReason.MALFORMED_PAYLOAD);
  }
}
