package com.paystream.gateway.webhooks.standard;

import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.gateway.support.json.StrictJson;
import com.paystream.gateway.support.json.StrictJson.InvalidJson;
import com.paystream.gateway.webhooks.ParseResult;
import com.paystream.gateway.webhooks.PayloadParser;
import com.paystream.gateway.webhooks.SignatureCheck;
import com.paystream.gateway.webhooks.UnsupportedEventType;
import com.paystream.platform.money.Money;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The Standard Webhooks payload shape for payment events:
 *
 * <pre>{@code
 * {"type": "payment.succeeded", "timestamp": "2026-01-31T12:00:00Z",
 *  "data": {"payment_id": "pay_1", "merchant_id": "m-1", "amount_minor": 1999,
 *           "currency": "EUR", "status": "SUCCEEDED", "provider_payment_id": "psp_1"}}
 * }</pre>
 *
 * The event id is the verified {@code webhook-id} header. Unknown extra fields are ignored so that
 * a provider adding one does not stop our intake; every field we use is checked strictly, and the
 * type must agree with the status.
 */
public final class StandardWebhooksPayloadParser implements PayloadParser {

  public static final String FORMAT = "standard-webhooks";

  private static final String TYPE_PREFIX = "payment.";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public ParseResult parse(byte[] rawBody, SignatureCheck.Verified signature) {
    if (signature.eventId().isEmpty()) {
      throw new IllegalStateException("the Standard Webhooks dialect always yields an event id");
    }
    try {
      return new ParseResult.Parsed(signature.eventId().get(), report(rawBody));
    } catch (InvalidJson invalid) {
      return ParseResult.malformed(invalid.getMessage());
    } catch (UnsupportedEventType unsupported) {
      return new ParseResult.Unusable(unsupported.rejection());
    }
  }

  private static ProviderReport report(byte[] rawBody) {
    JsonNode root = StrictJson.object(rawBody);
    String type = StrictJson.string(root, "type", 64);
    if (!type.startsWith(TYPE_PREFIX)) {
      throw new UnsupportedEventType("only payment.* events are accepted");
    }
    JsonNode data = StrictJson.object(root, "data");
    PaymentStatus status = status(StrictJson.string(data, "status", 16));
    if (!type.equals(TYPE_PREFIX + status.name().toLowerCase(Locale.ROOT))) {
      throw new InvalidJson("type does not agree with data.status");
    }
    long amountMinor = StrictJson.amountMinor(data, "amount_minor");
    String currency = StrictJson.string(data, "currency", 3);
    return new ProviderReport(
        StrictJson.paymentId(data, "payment_id"),
        StrictJson.merchantId(data, "merchant_id"),
        new Money(amountMinor, StrictJson.currency(currency, "currency")),
        status,
        StrictJson.optionalId(data, "provider_payment_id", 255),
        type,
        StrictJson.timestamp(root, "timestamp"));
  }

  private static PaymentStatus status(String text) {
    try {
      return PaymentStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidJson("data.status is not a known payment status");
    }
  }
}
