package dev.moviedb.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * A service's configuration as it resolves where it runs: its application.properties in the prod
 * profile with the environment of its container on top, resolved by SmallRye Config (the library
 * the services run on), so expressions such as {@code embedding-worker-${moviedb.embedding.model}}
 * come out as the service would compute them.
 */
final class ServiceConfig {

  /** A Kafka client role: which topic or group, and whether the service reads or writes it. */
  enum Access {
    READ,
    WRITE
  }

  /** A Kafka resource (topic or group) a service's channels need, and how. */
  record Need(String resourceType, String name, Access access, String why) {}

  private static final String INCOMING = "mp.messaging.incoming.";
  private static final String OUTGOING = "mp.messaging.outgoing.";

  private final String service;
  private final SmallRyeConfig config;

  private ServiceConfig(String service, Map<String, String> environment) {
    this.service = service;
    Path properties = propertiesOf(service);
    try {
      SmallRyeConfigBuilder builder =
          new SmallRyeConfigBuilder()
              .withProfile("prod")
              .withSources(new PropertiesConfigSource(properties.toUri().toURL(), 250))
              .withSources(new EnvConfigSource(environment, 300));
      this.config = builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The service's configuration with the given environment variables. */
  static ServiceConfig of(String service, Map<String, String> environment) {
    return new ServiceConfig(service, environment);
  }

  /** The service's configuration in the container of its Deployment in a rendered overlay. */
  static ServiceConfig in(List<JsonNode> rendered, String service) {
    return of(service, Environment.ofDeployment(rendered, service).values());
  }

  static Path propertiesOf(String service) {
    return DeployFiles.root().resolve(service).resolve("src/main/resources/application.properties");
  }

  Optional<String> value(String name) {
    return config.getOptionalValue(name, String.class);
  }

  /** Names of the Kafka channels in one direction ("incoming" or "outgoing"). */
  private List<String> kafkaChannels(String prefix) {
    Set<String> channels = new LinkedHashSet<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(prefix) && name.endsWith(".connector")) {
        String channel = name.substring(prefix.length(), name.length() - ".connector".length());
        if ("smallrye-kafka".equals(value(name).orElse(""))) {
          channels.add(channel);
        }
      }
    }
    return new ArrayList<>(channels);
  }

  private boolean enabled(String prefix, String channel) {
    return Boolean.parseBoolean(value(prefix + channel + ".enabled").orElse("true"));
  }

  /** Topic and consumer group of each enabled incoming Kafka channel, by channel name. */
  Map<String, Consumer> consumers() {
    Map<String, Consumer> consumers = new LinkedHashMap<>();
    for (String channel : kafkaChannels(INCOMING)) {
      if (enabled(INCOMING, channel)) {
        String topic = value(INCOMING + channel + ".topic").orElse(channel);
        String group =
            value(INCOMING + channel + ".group.id")
                .or(() -> value("kafka.group.id"))
                .or(() -> value("quarkus.application.name"))
                .orElseThrow();
        consumers.put(channel, new Consumer(topic, group));
      }
    }
    return consumers;
  }

  /** A consumer: the topic it reads and the group it commits as. */
  record Consumer(String topic, String group) {}

  /** Every topic and group the service's Kafka channels read or write. */
  List<Need> kafkaNeeds() {
    List<Need> needs = new ArrayList<>();
    for (String channel : kafkaChannels(INCOMING)) {
      if (!enabled(INCOMING, channel)) {
        continue;
      }
      Consumer consumer = consumers().get(channel);
      needs.add(new Need("topic", consumer.topic(), Access.READ, service + " reads " + channel));
      needs.add(new Need("group", consumer.group(), Access.READ, service + " commits " + channel));
      if ("dead-letter-queue".equals(value(INCOMING + channel + ".failure-strategy").orElse(""))) {
        String dlq =
            value(INCOMING + channel + ".dead-letter-queue.topic")
                .orElse("dead-letter-topic-" + channel);
        needs.add(new Need("topic", dlq, Access.WRITE, service + " dead-letters " + channel));
      }
    }
    for (String channel : kafkaChannels(OUTGOING)) {
      if (enabled(OUTGOING, channel)) {
        String topic = value(OUTGOING + channel + ".topic").orElse(channel);
        needs.add(new Need("topic", topic, Access.WRITE, service + " writes " + channel));
      }
    }
    return needs;
  }

  /** Whether the service has a Kafka client at all (a channel, or a bootstrap server setting). */
  boolean usesKafka() {
    return !kafkaChannels(INCOMING).isEmpty()
        || !kafkaChannels(OUTGOING).isEmpty()
        || StreamSupport.stream(config.getPropertyNames().spliterator(), false)
            .anyMatch(n -> n.equals("kafka.bootstrap.servers"));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
