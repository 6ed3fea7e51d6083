package dev.moviedb.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

  @TempDir Path dir;

  @Test
  void restartOnTheSameDirectory_keepsTheClusterAndItsTopics() throws Exception {
    int port = FreePorts.next();
    int controller = FreePorts.next();
    try (EmbeddedKafka first = new EmbeddedKafka(port, controller, dir.resolve("logs")).start()) {
      assertThat(topics(first.bootstrapServers())).contains(Topics.CATALOG_TITLES);
    }

    try (EmbeddedKafka again = new EmbeddedKafka(port, controller, dir.resolve("logs")).start()) {
      assertThat(topics(again.bootstrapServers()))
          .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }
  }

  @Test
  void aTopicOfAnOlderRelease_getsTheRetentionOfTopicsAll() throws Exception {
    try (EmbeddedKafka kafka =
            new EmbeddedKafka(FreePorts.next(), FreePorts.next(), dir.resolve("old")).start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WATCH_EVENTS);
      admin
          .incrementalAlterConfigs(
              Map.of(
                  events,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
          .all()
          .get();

      EmbeddedKafka.createTopics(kafka.bootstrapServers());

      var config = admin.describeConfigs(List.of(events)).all().get().get(events);
      assertThat(config.get("retention.ms").value())
          .isEqualTo(Long.toString(Topics.USER_RETENTION_MS));
      assertThat(config.get("segment.ms").value()).isEqualTo(Long.toString(Topics.USER_SEGMENT_MS));
    }
  }

  private static java.util.Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin.listTopics().names().get();
    }
  }
}
