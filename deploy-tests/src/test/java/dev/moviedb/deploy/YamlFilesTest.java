package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Protects: that the files under deploy/ are well-formed and the images run as the manifests
 * expect.
 */
class YamlFilesTest {

  @Test
  void everyKubernetesYamlUnderDeploy_parsesIntoObjectsWithApiVersionAndKind() {
    List<Path> files = DeployFiles.kubernetesYamlFiles();

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      List<JsonNode> documents = DeployFiles.readDocuments(file);
      if (!documents.isEmpty() && documents.stream().allMatch(d -> d.has("op"))) {
        // A JSON patch (keda-triggers*.yaml): a list of operations, each with its path.
        assertThat(documents).as(file.toString()).allMatch(op -> op.has("path"));
        continue;
      }
      assertThat(documents)
          .as(file.toString())
          .isNotEmpty()
          .allSatisfy(
              document -> {
                assertThat(document.path("apiVersion").asText()).as(file.toString()).isNotEmpty();
                assertThat(DeployFiles.kind(document)).as(file.toString()).isNotEmpty();
              });
    }
  }

  @Test
  void dockerCompose_declaresEveryServiceAndTheInfrastructure() {
    assertThat(DeployFiles.fieldNames(DeployFiles.compose().path("services")))
        .contains("kafka", "kafka-init", "qdrant", "redis", "ollama", "ollama-pull")
        .containsAll(DeployFiles.SERVICES.keySet());
  }

  @Test
  void everyServiceDockerfile_runsTheFastJarAsNonRootOnItsPort() throws Exception {
    for (var service : DeployFiles.SERVICES.entrySet()) {
      Path dockerfile =
          DeployFiles.root().resolve(service.getKey()).resolve("src/main/docker/Dockerfile.jvm");

      assertThat(dockerfile).as(service.getKey()).isRegularFile();
      assertThat(Files.readString(dockerfile))
          .as(service.getKey())
          .contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21")
          .contains("target/quarkus-app/lib/ /deployments/lib/")
          .contains("USER 185")
          .contains("EXPOSE " + service.getValue())
          .contains("-Djava.io.tmpdir=/tmp");
    }
  }
}
