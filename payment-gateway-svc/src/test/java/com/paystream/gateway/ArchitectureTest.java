package com.paystream.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway's boundaries, checked rather than hoped for. */
class ArchitectureTest {

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
            "com.paystream.gateway.callbacks",
            "com.paystream.gateway.webhooks",
            "com.paystream.gateway.webhooks.standard",
            "com.paystream.gateway.webhooks.stripe",
            "com.paystream.gateway.outbox",
            "com.paystream.gateway.statusquery")
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

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching("com.paystream.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    Set<String> packages =
        GATEWAY.stream()
            .map(JavaClass::getPackageName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented =
        GATEWAY.stream()
            .filter(javaClass -> javaClass.getSimpleName().equals("package-info"))
            .map(JavaClass::getPackageName)
            .collect(Collectors.toSet());

    assertThat(packages).allSatisfy(name -> assertThat(documented).contains(name));
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
