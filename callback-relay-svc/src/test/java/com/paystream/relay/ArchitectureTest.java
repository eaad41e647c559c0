package com.paystream.relay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The relay's boundaries, checked rather than hoped for. */
class ArchitectureTest {

  private static final JavaClasses RELAY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.relay");

  @Test
  void deliveryAndConfirmationNeverReachIntoTheOperatorApi() {
    noClasses()
        .that()
        .resideInAnyPackage("com.paystream.relay.delivery..", "com.paystream.relay.confirmation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.paystream.relay.operator..")
        .check(RELAY);
  }

  @Test
  void onlyTheWebAdaptersSpeakHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "com.paystream.relay.operator.web..",
            "com.paystream.relay.audit.web..",
            "com.paystream.relay.approvals.web..")
        .and()
        .doNotHaveSimpleName("OperatorApiConfiguration") // its access rules name HTTP methods
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
        .check(RELAY);
  }

  @Test
  void theOperatorUseCasesReachSqlKafkaAndHttpThroughTheirAdapters() {
    noClasses()
        .that()
        .resideInAPackage("com.paystream.relay.operator")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "org.springframework.jdbc..",
            "org.apache.kafka..",
            "org.apache.avro..",
            "com.paystream.schemas..",
            "org.springframework.web..",
            "jakarta.servlet..")
        .check(RELAY);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.relay.(**)").should().beFreeOfCycles().check(RELAY);
  }
}
