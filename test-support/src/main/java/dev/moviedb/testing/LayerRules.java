package dev.moviedb.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The dependency rule every service keeps: domain -> application -> adapter, one way. The domain
 * knows no framework; the application knows no adapter and no configuration (settings reach it as
 * values, ports are implemented in adapters or config).
 */
public final class LayerRules {

  private LayerRules() {}

  /** Checks the rule on the production classes of one service's base package. */
  public static void check(String basePackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
    // A service may have no domain classes at all (embedding-worker's live in the vectors module).
    noClasses()
        .that()
        .resideInAPackage(basePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            basePackage + ".application..",
            basePackage + ".adapter..",
            basePackage + ".config..",
            "io.quarkus..",
            "jakarta..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(basePackage + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
