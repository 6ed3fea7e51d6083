package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.events.Topics;
import dev.moviedb.events.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void strimziKafkaTopics_matchTopicsAllExactly() {
    List<JsonNode> resources =
        DeployFiles.kustomize(DeployFiles.deployDir().resolve("base")).resources();
    List<TopicSpec> declared = new ArrayList<>();
    for (JsonNode topic : DeployFiles.ofKind(resources, "KafkaTopic")) {
      String name = topic.path("spec").path("topicName").asText(DeployFiles.name(topic));
      Map<String, String> configs = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> config : topic.path("spec").path("config").properties()) {
        configs.put(config.getKey(), config.getValue().asText());
      }
      declared.add(new TopicSpec(name, topic.path("spec").path("partitions").asInt(), configs));
    }

    assertThat(declared).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  @Test
  void strimziKafkaTopics_belongToTheDeclaredKafkaCluster() {
    List<JsonNode> resources =
        DeployFiles.kustomize(DeployFiles.deployDir().resolve("base")).resources();
    List<JsonNode> clusters = DeployFiles.ofKind(resources, "Kafka");

    assertThat(clusters).hasSize(1);
    String cluster = DeployFiles.name(clusters.get(0));
    assertThat(DeployFiles.ofKind(resources, "KafkaTopic"))
        .extracting(t -> t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
        .containsOnly(cluster);
    assertThat(DeployFiles.ofKind(resources, "KafkaNodePool"))
        .extracting(p -> p.path("metadata").path("labels").path("strimzi.io/cluster").asText())
        .containsOnly(cluster);
  }

  @Test
  void composeKafkaInit_createsExactlyTopicsAll() {
    JsonNode init = DeployFiles.compose().path("services").path("kafka-init");
    StringBuilder script = new StringBuilder();
    init.path("entrypoint").forEach(part -> script.append(part.asText()).append('\n'));
    init.path("command").forEach(part -> script.append(part.asText()).append('\n'));
    if (init.path("command").isTextual()) {
      script.append(init.path("command").asText());
    }

    List<TopicSpec> created = new ArrayList<>();
    for (String line : script.toString().split("\n")) {
      if (line.contains("--create")) {
        created.add(parseCreate(line));
      }
    }

    assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  private static TopicSpec parseCreate(String line) {
    String[] words = line.trim().split("\\s+");
    String topic = null;
    int partitions = -1;
    Map<String, String> configs = new LinkedHashMap<>();
    for (int i = 0; i < words.length - 1; i++) {
      switch (words[i]) {
        case "--topic" -> topic = words[i + 1];
        case "--partitions" -> partitions = Integer.parseInt(words[i + 1]);
        case "--config" -> {
          String[] pair = words[i + 1].split("=", 2);
          configs.put(pair[0], pair[1]);
        }
        default -> {}
      }
    }
    return new TopicSpec(topic, partitions, configs);
  }
}
