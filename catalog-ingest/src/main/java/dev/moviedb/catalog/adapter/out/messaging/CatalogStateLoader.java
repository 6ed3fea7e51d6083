package dev.moviedb.catalog.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.catalog.application.CatalogState;
import dev.moviedb.catalogfiles.TitleMapping;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds {@link CatalogState} at start-up by reading the compacted {@code catalog.titles} topic
 * from the beginning to its current end: the topic is the source of truth for what was published.
 */
@ApplicationScoped
public class CatalogStateLoader {

  private static final Logger LOG = Logger.getLogger(CatalogStateLoader.class);

  private final CatalogState state;
  private final ObjectMapper json;
  private final String bootstrapServers;

  public CatalogStateLoader(
      CatalogState state,
      ObjectMapper json,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.state = state;
    this.json = json;
    this.bootstrapServers = bootstrapServers;
  }

  void onStart(@Observes StartupEvent event) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions =
          consumer.partitionsFor(Topics.CATALOG_TITLES, Duration.ofSeconds(60));
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      long records = 0;
      while (!reachedEnd(consumer, end, Set.copyOf(assigned))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          records++;
          if (r.value() == null) {
            state.remove(r.key());
            continue;
          }
          try {
            state.put(TitleMapping.fromEvent(json.readValue(r.value(), TitlePublished.class)));
          } catch (IOException | IllegalArgumentException e) {
            LOG.warnf(
                "skipped unreadable record %s-%d@%d (%s)",
                r.topic(), r.partition(), r.offset(), e.getMessage());
          }
        }
      }
      state.markLoaded();
      LOG.infof(
          "catalogue state rebuilt from %s: %d records read, %d titles",
          Topics.CATALOG_TITLES, records, state.size());
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end, Set<TopicPartition> parts) {
    for (TopicPartition p : parts) {
      if (consumer.position(p) < end.get(p)) {
        return false;
      }
    }
    return true;
  }
}
