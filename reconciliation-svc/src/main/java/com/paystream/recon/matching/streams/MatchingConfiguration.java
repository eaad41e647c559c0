package com.paystream.recon.matching.streams;

import com.paystream.recon.ReconProperties;
import com.paystream.recon.matching.MatchRules;
import com.paystream.recon.matching.internal.InternalRules;
import com.paystream.recon.matching.payouts.PayoutRules;
import com.paystream.recon.topics.ReconTopics;
import com.paystream.schemas.serde.AvroSerdeConfig;
import com.paystream.schemas.topics.KafkaConnection;
import com.paystream.schemas.topics.Topic;
import com.paystream.tracing.Traces;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Builds the matching topology and its Kafka Streams runtime from the settings. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

  @Bean
  MatchRules matchRules(ReconProperties recon) {
    return new MatchRules(
        recon.lostOrderGrace(),
        recon.statementCutoff(),
        recon.missingGrace(),
        recon.amountToleranceMinor(),
        recon.zone(),
        recon.matchedRetention());
  }

  @Bean
  Topology matchingTopology(
      ReconTopics topics,
      MatchRules rules,
      ReconProperties recon,
      @Value("${paystream.schema.registry.url:}") String registryUrl,
      ObjectProvider<Traces> traces) {
    return MatchingTopology.build(
        new MatchingTopology.Settings(
            topics,
            rules,
            new InternalRules(recon.internalGrace(), recon.matchedRetention()),
            payoutRules(recon),
            recon.punctuateInterval(),
            recon.maxExpiriesPerPunctuation(),
            Topic.DEFAULT_PARTITIONS,
            Map.of(AvroSerdeConfig.REGISTRY_URL, registryUrl)),
        traces.getIfAvailable(() -> new Traces(Tracer.NOOP)));
  }

  static PayoutRules payoutRules(ReconProperties recon) {
    ReconProperties.Payouts payouts = recon.payouts();
    return new PayoutRules(
        payouts.toleranceMinor(),
        payouts.toleranceByCurrency(),
        payouts.arrivalWindow(),
        recon.statementCutoff(),
        payouts.notPaidOutAfter(),
        payouts.unknownLineGrace(),
        recon.zone(),
        recon.matchedRetention());
  }

  @Bean
  ReconStreams reconStreams(
      Topology matchingTopology,
      Properties reconStreamsConfig,
      MeterRegistry meters,
      @Value("${paystream.recon.metrics-refresh:15s}") Duration metricsRefresh,
      KafkaAdmin admin) {
    return new ReconStreams(
        matchingTopology, reconStreamsConfig, meters, metricsRefresh, admin::clusterId);
  }

  /** Applied by Spring Boot to the registry before the client's metrics are bound. */
  @Bean
  MeterFilter unrecordedStoreMetersDenied() {
    return StreamsMeters.unrecordedStoreMetersDenied();
  }

  /** Contributes health "reconStreams" (the bean name without its suffix). */
  @Bean
  ReconStreamsHealth reconStreamsHealthIndicator(ReconStreams reconStreams) {
    return new ReconStreamsHealth(reconStreams);
  }

  @Bean
  Properties reconStreamsConfig(
      ReconProperties recon,
      ReconTopics topics,
      KafkaProperties kafka,
      @Value("${paystream.topics.replication-factor:1}") int replication,
      @Value("${paystream.schema.registry.url:}") String registryUrl,
      MeterRegistry meters) {
    Properties config =
        StreamsSettings.of(
            recon,
            topics,
            KafkaConnection.of(kafka.buildAdminProperties()),
            replication,
            registryUrl);
    // The dead-letter handlers count into the application's registry (DeadLetters says why here).
    config.put(DeadLetters.METERS_CONFIG, meters);
    return config;
  }
}
