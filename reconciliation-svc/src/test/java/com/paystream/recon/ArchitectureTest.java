package com.paystream.recon;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * Reconciliation's boundaries, checked rather than hoped for: matching decides in plain Java and
 * the Kafka Streams adapter ({@code matching.streams}) carries it; statement parsers turn files
 * into lines and know nothing of where the lines go.
 */
class ArchitectureTest {

  private static final JavaClasses RECON =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.recon");

  private static final String[] KAFKA = {"org.apache.kafka..", "org.springframework.kafka.."};
  private static final String[] WEB = {"org.springframework.web..", "org.springframework.http.."};
  private static final String[] SQL = {"java.sql..", "javax.sql..", "org.springframework.jdbc.."};

  /** Matching itself: its units, rules and results; not the Kafka Streams adapter. */
  private static final String[] MATCHING = {
    "com.paystream.recon.matching",
    "com.paystream.recon.matching.clearing",
    "com.paystream.recon.matching.internal",
    "com.paystream.recon.matching.payouts"
  };

  /** The parsers and what they produce; the Spring wiring of the feature is not a parser. */
  private static final String[] PARSERS = {
    "com.paystream.recon.statements", "com.paystream.recon.statements.formats"
  };

  private static final DescribedPredicate<JavaClass> SPRING_CONFIGURATION =
      annotatedWith(Configuration.class).forSubtype();

  @Test
  void matchingNeverImportsKafkaWebOrSqlTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(MATCHING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(KAFKA, WEB, SQL))
        .because("matching decides in plain Java; matching.streams adapts it to Kafka Streams")
        .check(RECON);
  }

  @Test
  void matchingDoesNotKnowItsStreamsAdapter() {
    noClasses()
        .that()
        .resideInAnyPackage(MATCHING)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.paystream.recon.matching.streams..")
        .check(RECON);
  }

  @Test
  void statementParsersNeverImportKafkaOrWebTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(PARSERS)
        .and(DescribedPredicate.not(SPRING_CONFIGURATION))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(KAFKA, WEB))
        .because("a parser turns a file into lines; ingestion decides where they go")
        .check(RECON);
  }

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("com.paystream.recon.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(SPRING_CONFIGURATION, DescribedPredicate.alwaysTrue())
        .check(RECON);
  }

  private static String[] concat(String[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
