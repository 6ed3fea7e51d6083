package dev.moviedb.taste.adapter.out.kafka;

import dev.moviedb.events.KafkaClientSettings;
import dev.moviedb.events.Topics;
import dev.moviedb.taste.application.port.WatchHistory;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Adapter: reads {@code user.watch-events} from its start to its current end, keys only (the key is
 * the user id), without a consumer group.
 */
@ApplicationScoped
public class WatchHistoryTopic implements WatchHistory {

  private final Map<String, Object> kafka;

  public WatchHistoryTopic(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.kafka = kafka;
  }

  @Override
  public Set<String> users() {
    Map<String, Object> props = KafkaClientSettings.from(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    Set<String> users = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.WATCH_EVENTS, Duration.ofSeconds(60)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null) {
            users.add(r.key());
          }
        }
      }
    }
    return users;
  }
}
