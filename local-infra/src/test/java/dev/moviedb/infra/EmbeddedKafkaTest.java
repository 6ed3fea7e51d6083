package dev.moviedb.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

  private static java.util.Set<String> topics(String bootstrap) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      return admin.listTopics().names().get();
    }
  }
}
