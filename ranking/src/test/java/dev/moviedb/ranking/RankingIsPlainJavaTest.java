package dev.moviedb.ranking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ranking is plain Java: no framework, no I/O of its own (it reads through its ports). */
class RankingIsPlainJavaTest {

  @Test
  void rankingUsesNoFrameworkAndNoIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus..",
            "jakarta..",
            "io.vertx..",
            "org.apache.kafka..",
            "org.apache.lucene..",
            "io.qdrant..",
            "java.io..",
            "java.net..",
            "java.nio.file..",
            "dev.moviedb.vectors.store.lucene..",
            "dev.moviedb.vectors.store.qdrant..",
            "dev.moviedb.vectors.embedding..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.moviedb.ranking"));
  }
}
