package com.paystream.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.paystream.local.services.DatabaseLogins;
import com.paystream.local.services.Endpoints;
import com.paystream.local.services.ServiceSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterServicesTest {

  private final ClusterPorts ports = ClusterPorts.defaults();
  private final List<ServiceSpec> instances =
      ClusterServices.instances(
          Endpoints.DEFAULTS.withBrokers(ports.brokers()),
          DatabaseLogins.generate(),
          ports,
          KafkaTimeouts.CLUSTER,
          Path.of("/data/state"),
          service -> List.of());

  @Test
  void everyServiceRunsTwiceOnItsOwnPortsAgainstEveryBroker() {
    assertThat(instances)
        .extracting(ServiceSpec::name)
        .containsExactly(
            "gateway-1",
            "relay-1",
            "ledger-1",
            "reconciliation-1",
            "gateway-2",
            "relay-2",
            "ledger-2",
            "reconciliation-2");
    assertThat(instances)
        .extracting(ServiceSpec::port)
        .containsExactly(8080, 8081, 8082, 8083, 8180, 8181, 8182, 8183);
    assertThat(instances)
        .allSatisfy(
            spec ->
                assertThat(spec.args())
                    .contains(
                        "--spring.kafka.bootstrap-servers=127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094",
                        "--paystream.topics.replication-factor=3"));
  }

  @Test
  void reconciliationInstancesAdvertiseTheirOwnAddressAndKeepTheirOwnState() {
    assertThat(spec("reconciliation-2").args())
        .contains(
            "--paystream.recon.application-server=127.0.0.1:8183",
            "--paystream.recon.state-dir=/data/state/reconciliation-2");
  }

  @Test
  void springKafkaConsumersGetShortGroupTimeouts() {
    assertThat(spec("ledger-1").args())
        .contains(
            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=2000",
            "--spring.kafka.consumer.properties.max.poll.interval.ms=15000");
  }

  @Test
  void startsEveryFirstInstanceBeforeEverySecond() {
    assertThat(ClusterServices.waves(instances))
        .extracting(wave -> wave.stream().map(ServiceSpec::name).toList())
        .containsExactly(
            List.of("gateway-1", "relay-1", "ledger-1", "reconciliation-1"),
            List.of("gateway-2", "relay-2", "ledger-2", "reconciliation-2"));
  }

  @Test
  void aFrozenInstanceOutlastsItsSessionAndPollInterval() {
    assertThat(KafkaTimeouts.CLUSTER.freezeLongerThanGroupTimeouts())
        .isGreaterThan(KafkaTimeouts.CLUSTER.session().plus(KafkaTimeouts.CLUSTER.maxPoll()));
  }

  private ServiceSpec spec(String name) {
    return instances.stream().filter(spec -> spec.name().equals(name)).findFirst().orElseThrow();
  }
}
