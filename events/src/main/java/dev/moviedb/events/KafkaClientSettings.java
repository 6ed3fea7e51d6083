package dev.moviedb.events;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings for a Kafka client a service builds itself (an admin client, a consumer without a
 * group), taken from the service's own Kafka configuration so that it connects as the service's
 * channels do: with TLS and SASL where those are configured.
 */
public final class KafkaClientSettings {

  private KafkaClientSettings() {}

  /**
   * The client settings in a service's Kafka configuration (Quarkus' {@code default-kafka-broker}
   * map: every {@code kafka.*} property without its prefix), without the keys that are not client
   * settings (messaging and dev-services keys) and without a consumer group: a caller that needs a
   * group sets its own. The result is a new map the caller may change.
   */
  public static Map<String, Object> from(Map<String, Object> serviceKafka) {
    Map<String, Object> settings = new HashMap<>();
    serviceKafka.forEach(
        (key, value) -> {
          if (!key.startsWith("mp.") && !key.contains("devservices")) {
            settings.put(key, value);
          }
        });
    settings.remove("group.id");
    return settings;
  }
}
