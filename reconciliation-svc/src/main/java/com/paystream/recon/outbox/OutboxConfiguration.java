package com.paystream.recon.outbox;

import com.paystream.platform.outbox.OutboxPublisher;
import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.recon.ReconProperties;
import com.paystream.schemas.topics.KafkaConnection;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox writer and the publisher that ships committed rows once each (acks=all). */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

  private static final String CLIENT_ID = "reconciliation-svc-outbox";

  @Bean
  Outbox outbox(JdbcTemplate jdbc) {
    return new Outbox(jdbc);
  }

  @Bean(destroyMethod = "close")
  Producer<String, byte[]> outboxProducer(KafkaProperties kafka) {
    return ReliableProducer.create(KafkaConnection.of(kafka.buildAdminProperties()), CLIENT_ID);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  OutboxPublisher outboxPublisher(
      DataSource dataSource,
      @Qualifier("outboxProducer") Producer<String, byte[]> outboxProducer,
      ReconProperties recon) {
    return OutboxPublisher.publishOnce(
        dataSource,
        outboxProducer,
        new OutboxPublisher.Settings(
            "reconciliation",
            recon.outbox().batchSize(),
            recon.outbox().pollInterval(),
            Duration.ofSeconds(1)));
  }
}
