package com.paystream.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The test kit's boundaries, checked rather than hoped for: it knows nothing of the services or the
 * local stack that use it, and its layers stack one way: the shared helpers under the broker and
 * the database, which know nothing of each other, under the one-per-JVM infrastructure, under the
 * JUnit extension.
 */
class ArchitectureTest {

  private static final JavaClasses TESTKIT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.testkit");

  @Test
  void theTestKitKnowsNothingOfWhatItIsUsedFor() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("com.paystream..")
                .and(resideOutsideOfPackage("com.paystream.testkit..")))
        .because("services, the local stack and the e2e suite depend on the kit, never the reverse")
        .check(TESTKIT);
  }

  @Test
  void theLayersStackOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("JUnit")
        .definedBy("com.paystream.testkit.junit..")
        .layer("Shared infrastructure")
        .definedBy("com.paystream.testkit")
        .layer("Kafka")
        .definedBy("com.paystream.testkit.kafka..")
        .layer("PostgreSQL")
        .definedBy("com.paystream.testkit.postgres..")
        .layer("Support")
        .definedBy("com.paystream.testkit.support..")
        .whereLayer("JUnit")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Shared infrastructure")
        .mayOnlyBeAccessedByLayers("JUnit")
        .whereLayer("Kafka")
        .mayOnlyBeAccessedByLayers("Shared infrastructure", "JUnit")
        .whereLayer("PostgreSQL")
        .mayOnlyBeAccessedByLayers("Shared infrastructure", "JUnit")
        .whereLayer("Support")
        .mayOnlyBeAccessedByLayers("Kafka", "PostgreSQL")
        .check(TESTKIT);
  }
}
