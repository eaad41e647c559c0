package com.paystream.local;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The local stack's boundaries, checked rather than hoped for: it starts the services as separate
 * processes and never uses their code; the day scenario reaches them over HTTP only, through its
 * one client ({@code ServiceApi}), and never reaches into the launcher; the launcher sees the
 * scenario only through its entry points.
 */
class ArchitectureTest {

  private static final String SCENARIO = "com.paystream.local.scenario..";

  /** What the launcher (and the e2e test) may use of the scenario. */
  private static final String ENTRY_POINTS =
      "com\\.paystream\\.local\\.scenario\\."
          + "(DayScenario|DayScenario\\$Services|DaySummary|DaySummary\\$.*|ScenarioSettings"
          + "|SettlementSummary|SettlementSummary\\$.*"
          + "|ScenarioFailure|TrialBalanceLine|Disturbance|DisruptionReport|DisruptionReport\\$.*)";

  private static final JavaClasses LOCAL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.local");

  @Test
  void theStackNeverUsesTheServicesCode() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.gateway..",
            "com.paystream.relay..",
            "com.paystream.ledger..",
            "com.paystream.recon..",
            "com.paystream.platform..",
            "com.paystream.schemas..")
        .because("the stack runs the services as processes and talks to them over HTTP")
        .check(LOCAL);
  }

  @Test
  void theScenarioReachesTheServicesOnlyThroughServiceApi() {
    noClasses()
        .that()
        .resideInAPackage(SCENARIO)
        .and()
        .haveNameNotMatching(".*\\.ServiceApi(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "reactor.netty..", "io.netty..")
        .because("every request must ride out a service restart, which only ServiceApi does")
        .check(LOCAL);
  }

  @Test
  void theScenarioNeverReachesIntoTheLauncher() {
    noClasses()
        .that()
        .resideInAPackage(SCENARIO)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.paystream.local", "com.paystream.local.process..", "com.paystream.testkit..")
        .because("the scenario runs against any running suite, the local stack's or the e2e one")
        .check(LOCAL);
  }

  @Test
  void theLauncherSeesTheScenarioOnlyThroughItsEntryPoints() {
    noClasses()
        .that()
        .resideOutsideOfPackage(SCENARIO)
        .should()
        .dependOnClassesThat(
            resideInAPackage(SCENARIO).and(DescribedPredicate.not(nameMatching(ENTRY_POINTS))))
        .because("the phases and their shared state are the scenario's own business")
        .check(LOCAL);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("com.paystream.local.(*)..").should().beFreeOfCycles().check(LOCAL);
  }
}
