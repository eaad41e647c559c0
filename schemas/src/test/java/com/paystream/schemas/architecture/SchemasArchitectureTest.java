package com.paystream.schemas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the contracts module: generated contract types depend on nothing of ours but each
 * other; the serde and the registry know nothing of the topic catalogue (the catalogue builds on
 * them, not the other way round); the catalogue needs only Kafka's admin and common types, never a
 * producer, consumer or Streams; nothing here depends on Spring, so every service (and any
 * non-Spring reader) can use the contracts; and the packages form no cycle.
 */
@AnalyzeClasses(
    packages = "com.paystream.schemas",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SchemasArchitectureTest {

  private static final String[] GENERATED = {
    "com.paystream.schemas.common..",
    "com.paystream.schemas.callbacks..",
    "com.paystream.schemas.commands..",
    "com.paystream.schemas.deadletter..",
    "com.paystream.schemas.ledger..",
    "com.paystream.schemas.statements..",
    "com.paystream.schemas.recon.."
  };

  @ArchTest
  static final ArchRule serdeAndRegistryDoNotKnowTheCatalogue =
      noClasses()
          .that()
          .resideInAnyPackage("com.paystream.schemas.serde..", "com.paystream.schemas.registry..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.paystream.schemas.topics..", "com.paystream.schemas.evolution..");

  @ArchTest
  static final ArchRule generatedContractsDependOnNoSuiteCode =
      noClasses()
          .that()
          .resideInAnyPackage(GENERATED)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.paystream.schemas.topics..",
              "com.paystream.schemas.serde..",
              "com.paystream.schemas.registry..",
              "com.paystream.schemas.evolution..");

  @ArchTest
  static final ArchRule catalogueUsesNoKafkaClientBeyondAdmin =
      noClasses()
          .that()
          .resideInAPackage("com.paystream.schemas.topics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka.clients.producer..",
              "org.apache.kafka.clients.consumer..",
              "org.apache.kafka.streams..");

  @ArchTest
  static final ArchRule nothingDependsOnSpring =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..")
          .allowEmptyShould(false);

  @ArchTest
  static final ArchRule packagesFormNoCycle =
      slices().matching("com.paystream.schemas.(**)").should().beFreeOfCycles();
}
