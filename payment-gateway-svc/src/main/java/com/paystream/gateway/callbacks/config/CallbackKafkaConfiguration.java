package com.paystream.gateway.callbacks.config;

import com.paystream.gateway.callbacks.CallbackMessages;
import com.paystream.gateway.callbacks.CallbackSource;
import com.paystream.gateway.callbacks.ProviderReport;
import com.paystream.gateway.callbacks.RecordedCallback;
import com.paystream.gateway.callbacks.VerifiedCallback;
import com.paystream.gateway.callbacks.kafka.AvroCallbackMessages;
import com.paystream.gateway.payments.PaymentStatus;
import com.paystream.platform.ids.CallbackId;
import com.paystream.platform.ids.MerchantId;
import com.paystream.platform.ids.PaymentId;
import com.paystream.platform.money.Money;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.TopicNames;
import com.paystream.schemas.topics.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The callback topic's messages; {@code paystream.topics.prefix} renames topics for tests sharing a
 * broker (the subject stays).
 */
@Configuration(proxyBeanMethods = false)
public class CallbackKafkaConfiguration {

  @Bean
  CallbackMessages callbackMessages(
      SchemaRegistry registry,
      @Value("${" + TopicNames.PREFIX_PROPERTY + ":}") String topicPrefix) {
    AvroCallbackMessages messages =
        new AvroCallbackMessages(
            new TopicNames(topicPrefix).of(Topics.PAYMENT_CALLBACKS), registry);
    messages.resolveSchemaNow(sample());
    return messages;
  }

  private static RecordedCallback sample() {
    ProviderReport report =
        new ProviderReport(
            new PaymentId("startup-check"),
            new MerchantId("startup-check"),
            Money.of(0, "EUR"),
            PaymentStatus.PENDING,
            Optional.empty(),
            "payment.pending",
            Instant.EPOCH);
    VerifiedCallback callback =
        new VerifiedCallback(
            "startup-check",
            "startup-check",
            CallbackSource.WEBHOOK,
            report,
            new byte[0],
            Map.of(),
            "");
    return new RecordedCallback(new CallbackId(new UUID(0, 0)), callback, Instant.EPOCH);
  }
}
