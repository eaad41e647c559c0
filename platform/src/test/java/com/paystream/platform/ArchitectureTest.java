package com.paystream.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform's boundaries: what every service may use, and what each part may depend on. */
class ArchitectureTest {

  private static final JavaClasses PLATFORM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.platform");

  @Test
  void moneyAndIdsArePlainJava() {
    classes()
        .that()
        .resideInAnyPackage("com.paystream.platform.money..", "com.paystream.platform.ids..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java.lang..",
            "java.math..",
            "java.util..",
            "com.paystream.platform.money..",
            "com.paystream.platform.ids..")
        .check(PLATFORM);
  }

  @Test
  void theOutboxNeedsOnlyKafkaClientsTheirConnectionJdbcAndPostgresql() {
    classes()
        .that()
        .resideInAPackage("com.paystream.platform.outbox..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "javax.sql..",
            "org.apache.kafka.clients..",
            "org.apache.kafka.common..",
            "org.postgresql..",
            "org.slf4j..",
            // How a client reaches the cluster (servers and security), shared with topic creation.
            "com.paystream.schemas.topics..",
            // The W3C context a row was recorded in, written into its record's headers.
            "com.paystream.platform.tracing..",
            "com.paystream.platform.outbox..")
        .check(PLATFORM);
  }

  @Test
  void traceContextIsPlainJava() {
    classes()
        .that()
        .resideInAPackage("com.paystream.platform.tracing..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.paystream.platform.tracing..")
        .check(PLATFORM);
  }

  @Test
  void theHealthChecksNeedOnlyKafkaClientsSpringBootHealthAndMicrometer() {
    classes()
        .that()
        .resideInAPackage("com.paystream.platform.health..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "org.apache.kafka.clients..",
            "org.apache.kafka.common..",
            "org.springframework.boot.health.contributor..",
            // The readiness gauge: the health endpoint's readiness group, as a meter.
            "org.springframework.boot.health.actuate.endpoint..",
            "io.micrometer.core.instrument..",
            "com.paystream.platform.health..")
        .check(PLATFORM);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.platform.(**)").should().beFreeOfCycles().check(PLATFORM);
  }
}
