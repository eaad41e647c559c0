package com.paystream.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ledger's boundaries, checked rather than hoped for. */
class ArchitectureTest {

  private static final JavaClasses LEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.ledger");

  /** The domain: chart, journal, posting rules, calendar, batch planning. */
  private static final String[] DOMAIN = {
    "com.paystream.ledger.accounts",
    "com.paystream.ledger.journal",
    "com.paystream.ledger.payments",
    "com.paystream.ledger.calendar",
  };

  @Test
  void domainCodeImportsNoWebKafkaSqlOrSpringType() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.apache.kafka..",
            "java.sql..",
            "javax.sql..",
            "jakarta.servlet..",
            "com.paystream.schemas..",
            "org.apache.avro..")
        .check(LEDGER);
  }

  @Test
  void theBatchPlannerIsPureToo() {
    noClasses()
        .that()
        .resideInAnyPackage("com.paystream.ledger.booking")
        .and()
        .haveSimpleNameNotStartingWith("BookingService")
        .and()
        .haveSimpleNameNotStartingWith("BookingMetrics")
        .and()
        .haveSimpleNameNotStartingWith("DatabaseRefusal")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..")
        .check(LEDGER);
  }

  @Test
  void featuresHaveNoCycles() {
    slices().matching("com.paystream.ledger.(*)..").should().beFreeOfCycles().check(LEDGER);
  }

  @Test
  void noCodeOfAnotherServiceIsUsed() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.gateway..", "com.paystream.relay..", "com.paystream.recon..")
        .check(LEDGER);
  }
}
