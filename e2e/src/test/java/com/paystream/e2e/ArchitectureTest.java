package com.paystream.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boundaries between the deployables, checked rather than hoped for: a service may use the
 * contracts ({@code schemas}) and the shared modules ({@code platform}), never another service's
 * code; shared modules never reach up into services; and no module has package cycles. What a
 * service's domain code may import is checked by that service's own architecture test, which names
 * its real packages.
 */
class ArchitectureTest {

  private static final List<String> SERVICES = List.of("gateway", "relay", "ledger", "recon");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream");
  }

  @Test
  void servicesNeverDependOnEachOther() {
    for (String service : SERVICES) {
      String[] others =
          SERVICES.stream()
              .filter(other -> !other.equals(service))
              .map(other -> "com.paystream." + other + "..")
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage("com.paystream." + service + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .because("services share only the contracts and the shared modules")
          .check(classes);
    }
  }

  @Test
  void sharedModulesNeverDependOnServicesOrInfrastructureForTests() {
    noClasses()
        .that()
        .resideInAnyPackage("com.paystream.platform..", "com.paystream.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.gateway..",
            "com.paystream.relay..",
            "com.paystream.ledger..",
            "com.paystream.recon..",
            "com.paystream.testkit..",
            "com.paystream.local..")
        .check(classes);
  }

  @Test
  void servicesNeverShipTheTestKit() {
    noClasses()
        .that()
        .resideInAnyPackage(
            SERVICES.stream().map(s -> "com.paystream." + s + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.paystream.testkit..", "com.paystream.local..")
        .check(classes);
  }

  /**
   * Every package of production code, in every module, has a {@code package-info.java} saying what
   * it is for; one rule here rather than a copy per module (this module sees all of them).
   */
  @Test
  void everyPackageSaysWhatItIsFor() {
    Set<String> packages =
        classes.stream()
            .map(JavaClass::getPackageName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented =
        classes.stream()
            .filter(javaClass -> javaClass.getSimpleName().equals("package-info"))
            .map(JavaClass::getPackageName)
            .collect(Collectors.toSet());

    assertThat(packages)
        .contains("com.paystream.gateway.refunds", "com.paystream.ledger.booking")
        .allSatisfy(name -> assertThat(documented).as("package-info of " + name).contains(name));
  }

  @Test
  void noPackageCyclesWithinAModule() {
    slices().matching("com.paystream.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
