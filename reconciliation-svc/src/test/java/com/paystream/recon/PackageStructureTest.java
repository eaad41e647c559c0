package com.paystream.recon;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The e2e module's rule, checked here too so that a cycle shows up in this module's build. */
class PackageStructureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.paystream.recon");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("com.paystream.(*).(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
