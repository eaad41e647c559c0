package com.paystream.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

  @Test
  void keepsTheServersAndTheSecuritySettingsAndNothingElse() {
    KafkaConnection connection =
        KafkaConnection.of(
            Map.of(
                "bootstrap.servers", List.of("kafka-0:9093", "kafka-1:9093"),
                "security.protocol", "SSL",
                "ssl.keystore.location", "/etc/kafka/user.p12",
                "ssl.keystore.password", "s3cret-keystore",
                "sasl.mechanism", "SCRAM-SHA-512",
                "acks", "1",
                "key.serializer", "org.example.Whatever"));

    assertThat(connection.bootstrapServers()).isEqualTo("kafka-0:9093,kafka-1:9093");
    assertThat(connection.with(Map.of("acks", "all")))
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.location", "/etc/kafka/user.p12")
        .containsEntry("ssl.keystore.password", "s3cret-keystore")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("acks", "all")
        .doesNotContainKey("key.serializer");
    assertThat(connection.toString()).contains("SSL").doesNotContain("s3cret");
  }

  @Test
  void needsTheServers() {
    assertThatThrownBy(() -> KafkaConnection.of(Map.of("security.protocol", "SSL")))
        .hasMessageContaining("bootstrap.servers");
  }
}
