package com.paystream.gateway.payments.application;

import com.paystream.gateway.payments.HistoryEntry;
import com.paystream.gateway.payments.PaymentView;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON shapes of payments and history, field by field (snake_case, minor units). */
public final class PaymentJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PaymentJson() {}

  public static Map<String, Object> view(PaymentView payment) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("payment_id", payment.paymentId().value());
    json.put("merchant_id", payment.merchantId().value());
    json.put("status", payment.status().name());
    json.put("amount_minor", payment.amount().minor());
    json.put("currency", payment.amount().currencyCode());
    json.put("refunded_minor", payment.refunded().minor());
    json.put("provider", payment.provider());
    json.put("provider_payment_id", payment.providerPaymentId().orElse(null));
    json.put("reference", payment.reference().orElse(null));
    json.put("redirect_url", payment.redirectUrl().orElse(null));
    json.put("origin", payment.origin().name());
    json.put("attention", payment.attention().orElse(null));
    json.put("created_at", payment.createdAt().toString());
    json.put("updated_at", payment.updatedAt().toString());
    return json;
  }

  public static Map<String, Object> history(HistoryEntry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event", entry.event().name());
    json.put("from_status", entry.from().map(Enum::name).orElse(null));
    json.put("to_status", entry.to().name());
    json.put("reported_status", entry.reported().map(Enum::name).orElse(null));
    json.put("moved", entry.moved());
    json.put("flags", entry.flags().stream().map(Enum::name).sorted().toList());
    json.put("amount_minor", entry.amount().map(m -> m.minor()).orElse(null));
    json.put("currency", entry.amount().map(m -> m.currencyCode()).orElse(null));
    json.put("cause_type", entry.causeType().name());
    json.put("cause_id", entry.causeId());
    json.put("actor", entry.actor());
    json.put("recorded_at", entry.recordedAt().toString());
    return json;
  }

  public static String write(Object value) {
    return JSON.writeValueAsString(value);
  }
}
