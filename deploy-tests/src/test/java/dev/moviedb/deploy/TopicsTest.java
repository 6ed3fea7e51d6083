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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: that every deployment creates exactly the topics of Topics.ALL, with their partitions
 * and configs (compaction of the catalogue, retention of the user topics), and nothing else. A
 * topic added to or retired from Topics.java fails here until deploy/ and docker-compose.yml
 * follow.
 */
class TopicsTest {

  static List<String> overlays() {
    return Rendered.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void strimziKafkaTopics_matchTopicsAllExactly(String overlay) {
    List<TopicSpec> declared = new ArrayList<>();
    for (JsonNode topic : DeployFiles.ofKind(Rendered.overlay(overlay), "KafkaTopic")) {
      String name = topic.path("spec").path("topicName").asText(DeployFiles.name(topic));
      Map<String, String> configs = new LinkedHashMap<>();
      topic
          .path("spec")
          .path("config")
          .fields()
          .forEachRemaining(c -> configs.put(c.getKey(), c.getValue().asText()));
      declared.add(new TopicSpec(name, topic.path("spec").path("partitions").asInt(), configs));
    }

    assertThat(declared).as(overlay).containsExactlyInAnyOrderElementsOf(Topics.ALL);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyStrimziObject_belongsToTheOneKafkaCluster(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    List<JsonNode> clusters = DeployFiles.ofKind(rendered, "Kafka");

    assertThat(clusters).as(overlay).hasSize(1);
    String cluster = DeployFiles.name(clusters.get(0));
    assertThat(rendered)
        .filteredOn(
            o -> List.of("KafkaTopic", "KafkaNodePool", "KafkaUser").contains(DeployFiles.kind(o)))
        .extracting(o -> o.path("metadata").path("labels").path("strimzi.io/cluster").asText())
        .as(overlay)
        .containsOnly(cluster);
  }

  @Test
  void production_runsThreeKafkaNodesAndReplicatesEveryTopicThreeTimes() {
    List<JsonNode> rendered = Rendered.overlay("production");

    assertThat(DeployFiles.ofKind(rendered, "KafkaNodePool"))
        .extracting(p -> p.path("spec").path("replicas").asInt())
        .containsExactly(3);
    JsonNode config = DeployFiles.get(rendered, "Kafka", "moviedb").at("/spec/kafka/config");
    assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    assertThat(DeployFiles.ofKind(rendered, "KafkaTopic"))
        .isNotEmpty()
        .extracting(t -> t.path("spec").path("replicas").asInt())
        .containsOnly(3);
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
