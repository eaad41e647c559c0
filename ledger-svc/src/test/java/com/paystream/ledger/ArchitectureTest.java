package com.paystream.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The ledger's boundaries, by package, checked rather than hoped for. Three rings: the domain
 * (chart, journal, posting rules, calendar) knows nothing but itself and the platform types; the
 * features' cores (booking, holds, dayclose) add transactions and metrics but no web, Kafka or SQL
 * type; the adapters ({@code web}, {@code kafka}, {@code persistence}, {@code publishing}) and the
 * wiring ({@code config}) sit outside, and nothing inside reaches for a web or Kafka adapter.
 */
class ArchitectureTest {

  private static final JavaClasses LEDGER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.ledger");

  /** The domain: chart, journal, posting rules, calendar. */
  private static final String[] DOMAIN = {
    "com.paystream.ledger.accounts",
    "com.paystream.ledger.journal",
    "com.paystream.ledger.payments",
    "com.paystream.ledger.calendar",
  };

  /**
   * The features' cores: batch planning and booking, holds, merchant payouts, the day close,
   * provider settlements.
   */
  private static final String[] CORES = {
    "com.paystream.ledger.booking",
    "com.paystream.ledger.holds",
    "com.paystream.ledger.payouts",
    "com.paystream.ledger.dayclose",
    "com.paystream.ledger.settlement",
  };

  /** Web, Kafka, SQL and wire-format types. */
  private static final String[] TRANSPORT_AND_STORAGE = {
    "org.springframework.web..",
    "org.springframework.http..",
    "jakarta.servlet..",
    "org.apache.kafka..",
    "org.springframework.kafka..",
    "java.sql..",
    "javax.sql..",
    "org.springframework.jdbc..",
    "com.paystream.schemas..",
    "org.apache.avro..",
  };

  @Test
  void domainDependsOnNothingButItselfThePlatformAndTheJdk() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "com.paystream.ledger.accounts",
            "com.paystream.ledger.journal",
            "com.paystream.ledger.payments",
            "com.paystream.ledger.calendar",
            "com.paystream.platform.money..",
            "com.paystream.platform.ids..",
            "java..")
        .check(LEDGER);
  }

  @Test
  void featureCoresImportNoWebKafkaSqlOrWireFormatType() {
    noClasses()
        .that()
        .resideInAnyPackage(CORES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TRANSPORT_AND_STORAGE)
        .check(LEDGER);
  }

  @Test
  void featureCoresPublishThroughTheComposerPortNotThePublishingAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(CORES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.paystream.ledger.publishing..", "com.paystream.ledger.config..")
        .check(LEDGER);
  }

  @Test
  void webAndKafkaAdaptersAreReachedOnlyByTheWiring() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "com.paystream.ledger..web..",
            "com.paystream.ledger..kafka..",
            "com.paystream.ledger.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.paystream.ledger..web..", "com.paystream.ledger..kafka..")
        .check(LEDGER);
  }

  @Test
  void adaptersOfOneKindDoNotCallEachOther() {
    noClasses()
        .that()
        .resideInAnyPackage("com.paystream.ledger..persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.ledger..web..",
            "com.paystream.ledger..kafka..",
            "com.paystream.ledger.publishing..")
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
