package com.paystream.simulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator's boundaries, checked rather than hoped for: it is the provider's side of the wire
 * and knows the suite only through HTTP; behind the {@link ProviderSimulator} facade, only the HTTP
 * API serves HTTP, only the delivery sends it, and the payments and the books are plain Java.
 */
class ArchitectureTest {

  private static final JavaClasses SIMULATOR =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.simulator");

  @Test
  void theSimulatorUsesNoCodeOfTheSuite() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("com.paystream..")
                .and(resideOutsideOfPackage("com.paystream.simulator..")))
        .because("a provider knows the gateway only by its webhook URL, not by its code")
        .check(SIMULATOR);
  }

  @Test
  void onlyTheHttpApiServesHttp() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ProviderHttpApi")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("reactor.netty.http.server..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("reactor.netty.DisposableServer")
        .because("the store, the books and the delivery must not know how requests arrive")
        .check(SIMULATOR);
  }

  @Test
  void onlyTheFacadeHoldsTheHttpApi() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ProviderSimulator")
        .and()
        .doNotHaveSimpleName("ProviderHttpApi")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("ProviderHttpApi")
        .because("the store, the books and the delivery must not know how requests arrive")
        .check(SIMULATOR);
  }

  @Test
  void onlyTheDeliverySendsHttp() {
    noClasses()
        .that()
        .doNotHaveSimpleName("WebhookDelivery")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("reactor.netty.http.client..")
        .check(SIMULATOR);
  }

  @Test
  void thePaymentsAndTheBooksArePlainJava() {
    classes()
        .that()
        .haveNameMatching(
            "com\\.paystream\\.simulator\\."
                + "(PaymentStore|StatementLines|StatementEntry|SimulatedPayment"
                + "|Payouts|Payout|PayoutFaults|PayoutFault|PayoutSchedule|Bank|BankLine)")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "com.paystream.simulator..")
        .because("what the provider holds is independent of how it is reached")
        .check(SIMULATOR);
  }

  @Test
  void thePartsNeverReachBackIntoTheFacade() {
    noClasses()
        .that()
        .doNotHaveSimpleName("ProviderSimulator")
        .should()
        .dependOnClassesThat()
        .haveSimpleName("ProviderSimulator")
        .check(SIMULATOR);
  }
}
