package com.paystream.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gateway's boundaries, checked rather than hoped for. */
class ArchitectureTest {

  /** The business features, each with its adapters beneath it. */
  private static final List<String> FEATURES =
      List.of("payments", "refunds", "corrections", "callbacks", "webhooks", "statusquery");

  private static final List<String> ADAPTERS = List.of("web", "persistence", "kafka", "config");

  private static final JavaClasses GATEWAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.gateway");

  @Test
  void theStatusMachineAndPaymentTypesArePlainJava() {
    noClasses()
        .that()
        .resideInAPackage("com.paystream.gateway.payments")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "io.r2dbc..",
            "java.sql..",
            "reactor..",
            "io.netty..",
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.paystream.schemas..",
            "io.micrometer..")
        .check(GATEWAY);
  }

  @Test
  void featureCoresNeverTouchWebSqlOrKafkaTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.paystream.gateway.payments",
            "com.paystream.gateway.refunds",
            "com.paystream.gateway.corrections",
            "com.paystream.gateway.commands",
            "com.paystream.gateway.callbacks",
            "com.paystream.gateway.webhooks",
            "com.paystream.gateway.webhooks.standard",
            "com.paystream.gateway.webhooks.stripe",
            "com.paystream.gateway.outbox",
            "com.paystream.gateway.statusquery",
            "com.paystream.gateway.approvals")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "io.r2dbc..",
            "java.sql..",
            "io.netty..",
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.paystream.schemas..")
        .check(GATEWAY);
  }

  /**
   * Use cases reach the database and Kafka through ports their adapters implement, and never see
   * HTTP: a use case can be read, and replaced beneath, without knowing how it is called or stored.
   */
  @Test
  void theApplicationLayerNeverTouchesWebSqlOrKafka() {
    noClasses()
        .that()
        .resideInAPackage("com.paystream.gateway.*.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.web..",
            "org.springframework.http..",
            "io.r2dbc..",
            "org.springframework.r2dbc..",
            "java.sql..",
            "io.netty..",
            "org.apache.kafka..",
            "org.springframework.kafka..",
            "org.apache.avro..",
            "com.paystream.schemas..",
            "com.paystream.gateway..web..",
            "com.paystream.gateway..persistence..",
            "com.paystream.gateway..kafka..",
            "com.paystream.gateway..http..")
        .check(GATEWAY);
  }

  /** A feature uses another through its core and use cases, never through its adapters. */
  @Test
  void adaptersOfOneFeatureNeverReachIntoAnothersAdapters() {
    for (String feature : FEATURES) {
      String[] others =
          FEATURES.stream()
              .filter(other -> !other.equals(feature))
              .flatMap(ArchitectureTest::adapterPackages)
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAnyPackage(adapterPackages(feature).toArray(String[]::new))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(GATEWAY);
    }
  }

  private static Stream<String> adapterPackages(String feature) {
    return ADAPTERS.stream()
        .map(adapter -> "com.paystream.gateway." + feature + "." + adapter + "..");
  }

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching("com.paystream.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
  }

  @Test
  void theGatewayNeverUsesAnotherServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.relay..", "com.paystream.ledger..", "com.paystream.recon..")
        .check(GATEWAY);
  }
}
