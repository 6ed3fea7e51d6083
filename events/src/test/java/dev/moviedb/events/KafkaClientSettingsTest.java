package dev.moviedb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

  @Test
  void aServicesOwnClient_connectsAsItsChannelsDo_withoutTheirGroupOrNonClientKeys() {
    Map<String, Object> service =
        Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "scram login",
            "group.id", "taste-profile-service",
            "devservices.enabled", "false",
            "mp.messaging.connector", "smallrye-kafka");

    Map<String, Object> client = KafkaClientSettings.from(service);

    assertThat(client)
        .containsOnlyKeys(
            "bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config")
        .containsEntry("security.protocol", "SASL_SSL");
    client.put("client.id", "mine");
    assertThat(service).doesNotContainKey("client.id");
  }
}
