package com.paystream.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
  void theOutboxNeedsOnlyKafkaClientsJdbcAndPostgresql() {
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
            "com.paystream.platform.outbox..")
        .check(PLATFORM);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.platform.(**)").should().beFreeOfCycles().check(PLATFORM);
  }

  @Test
  void everyPackageSaysWhatItIsFor() {
    Set<String> packages =
        PLATFORM.stream()
            .map(JavaClass::getPackageName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented =
        PLATFORM.stream()
            .filter(javaClass -> javaClass.getSimpleName().equals("package-info"))
            .map(JavaClass::getPackageName)
            .collect(Collectors.toSet());

    assertThat(packages).allSatisfy(name -> assertThat(documented).contains(name));
  }
}
