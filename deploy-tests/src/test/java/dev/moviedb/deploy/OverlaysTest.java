package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlaysTest {

  private static DeployFiles.Kustomized overlay(String name) {
    return DeployFiles.kustomize(DeployFiles.deployDir().resolve("overlays").resolve(name));
  }

  @Test
  void everyKustomization_referencesExistingFilesAndPatchesExistingResources() {
    Path deploy = DeployFiles.deployDir();
    for (String dir : List.of("base", "overlays/small", "overlays/production")) {
      assertThat(DeployFiles.kustomize(deploy.resolve(dir)).problems()).as(dir).isEmpty();
    }
    assertThat(
            DeployFiles.kustomize(
                    deploy.resolve("overlays/production"), deploy.resolve("components/ollama"))
                .problems())
        .as("production + components/ollama")
        .isEmpty();
  }

  @Test
  void everyOverlay_keepsOneResourceOfEachKindAndName() {
    for (String name : List.of("small", "production")) {
      List<String> ids =
          overlay(name).resources().stream()
              .map(r -> DeployFiles.kind(r) + "/" + DeployFiles.name(r))
              .toList();

      assertThat(ids).as(name).doesNotHaveDuplicates();
    }
  }

  @Test
  void ollamaComponent_switchesBothEmbeddingServicesToOllama() {
    Path deploy = DeployFiles.deployDir();
    List<JsonNode> resources =
        DeployFiles.kustomize(deploy.resolve("overlays/small"), deploy.resolve("components/ollama"))
            .resources();

    for (String service : List.of("embedding-worker", "recommend-api")) {
      JsonNode data =
          DeployFiles.find(resources, "ConfigMap", service + "-config").orElseThrow().path("data");
      assertThat(data.path("MOVIEDB_EMBEDDING_PROVIDER").asText()).as(service).isEqualTo("ollama");
      assertThat(data.path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(service).isNotEmpty();
    }
    assertThat(DeployFiles.find(resources, "StatefulSet", "ollama")).isPresent();
  }

  @Test
  void small_runsOneReplicaOfEachServiceAndASingleKafkaNode() {
    List<JsonNode> resources = overlay("small").resources();

    assertThat(DeployFiles.ofKind(resources, "Deployment"))
        .extracting(d -> d.path("spec").path("replicas").asInt())
        .containsOnly(1);
    assertThat(DeployFiles.ofKind(resources, "KafkaNodePool"))
        .extracting(p -> p.path("spec").path("replicas").asInt())
        .containsExactly(1);
  }

  @Test
  void production_runsThreeKafkaNodesAndReplicatesEveryTopicThreeTimes() {
    List<JsonNode> resources = overlay("production").resources();

    assertThat(DeployFiles.ofKind(resources, "KafkaNodePool"))
        .extracting(p -> p.path("spec").path("replicas").asInt())
        .containsExactly(3);
    JsonNode config = DeployFiles.ofKind(resources, "Kafka").get(0).at("/spec/kafka/config");
    assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    assertThat(DeployFiles.ofKind(resources, "KafkaTopic"))
        .isNotEmpty()
        .extracting(t -> t.path("spec").path("replicas").asInt())
        .containsOnly(3);
    assertThat(DeployFiles.ofKind(resources, "Deployment"))
        .extracting(d -> d.path("spec").path("replicas").asInt())
        .allSatisfy(replicas -> assertThat(replicas).isGreaterThanOrEqualTo(2));
  }

  @Test
  void base_scalesRecommendApiOnCpuAndEmbeddingWorkerOnConsumerLag() {
    List<JsonNode> resources =
        DeployFiles.kustomize(DeployFiles.deployDir().resolve("base")).resources();

    JsonNode hpa =
        DeployFiles.find(resources, "HorizontalPodAutoscaler", "recommend-api").orElseThrow();
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    JsonNode scaledObject =
        DeployFiles.find(resources, "ScaledObject", "embedding-worker").orElseThrow();
    assertThat(
            DeployFiles.stream(scaledObject.path("spec").path("triggers"))
                .map(
                    t ->
                        t.path("type").asText()
                            + ":"
                            + t.at("/metadata/consumerGroup").asText()
                            + ":"
                            + t.at("/metadata/topic").asText())
                .toList())
        .contains("kafka:embedding-worker:catalog.titles");
    assertThat(DeployFiles.ofKind(resources, "PodDisruptionBudget"))
        .extracting(DeployFiles::name)
        .containsAll(DeployFiles.SERVICES.keySet());
  }
}
