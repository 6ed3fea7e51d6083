package dev.moviedb.taste;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DependencyRuleTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.moviedb.taste");

  @Test
  void domain_dependsOnNothingOutside() {
    noClasses()
        .that()
        .resideInAPackage("dev.moviedb.taste.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.moviedb.taste.application..",
            "dev.moviedb.taste.adapter..",
            "dev.moviedb.taste.config..",
            "io.quarkus..",
            "jakarta..")
        .check(CLASSES);
  }

  @Test
  void application_dependsOnNoAdapter() {
    noClasses()
        .that()
        .resideInAPackage("dev.moviedb.taste.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.moviedb.taste.adapter..", "dev.moviedb.taste.config..")
        .check(CLASSES);
  }
}
