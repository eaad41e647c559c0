package com.paystream.recon.report;

import com.paystream.platform.outbox.ReliableProducer;
import com.paystream.recon.ReconProperties;
import com.paystream.recon.instances.WholeQuery;
import com.paystream.recon.matching.streams.ReconStreams;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.registry.SchemaRegistry;
import com.paystream.schemas.topics.KafkaConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the reports: computed from the stores, published on a schedule and on demand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportConfiguration {

  @Bean
  DailyReports dailyReports(ReconStreams streams, Clock clock) {
    return new DailyReports(streams, clock);
  }

  @Bean(destroyMethod = "close")
  Producer<String, byte[]> reportProducer(KafkaProperties kafka) {
    return ReliableProducer.create(
        KafkaConnection.of(kafka.buildAdminProperties()), "reconciliation-svc-reports");
  }

  @Bean
  WholeReports wholeReports(DailyReports dailyReports, WholeQuery whole, Clock clock) {
    return new WholeReports(dailyReports, whole, clock);
  }

  @Bean
  ReportPublisher reportPublisher(
      @Qualifier("reportProducer") Producer<String, byte[]> reportProducer,
      ReconTopics topics,
      SchemaRegistry registry,
      MeterRegistry meters) {
    return new ReportPublisher(
        reportProducer,
        topics.reports(),
        topics.reports().valueSerde(registry).serializer(),
        meters);
  }

  @Bean
  ReportSchedule reportSchedule(
      WholeReports wholeReports,
      ReportPublisher publisher,
      JdbcTemplate jdbc,
      ReconProperties recon,
      Clock clock) {
    return new ReportSchedule(wholeReports, publisher, jdbc, recon, clock);
  }
}
