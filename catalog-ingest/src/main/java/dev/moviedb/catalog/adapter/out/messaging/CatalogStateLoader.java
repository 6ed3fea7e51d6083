package dev.moviedb.catalog.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.catalog.application.CatalogState;
import dev.moviedb.catalog.application.WorkCatalogue;
import dev.moviedb.catalog.application.port.CataloguePublisher.PublishFailedException;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkReport;
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
import java.util.function.BiConsumer;
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
 * Rebuilds {@link CatalogState} at start-up by reading the compacted {@code catalog.titles} and
 * {@code catalog.works} topics from the beginning to their current end: the topics are the source
 * of truth for what was published, including every title's work id. Then the works are reconciled
 * ({@link WorkCatalogue#reconcile}): titles of before works get theirs, and a work whose record
 * does not match its members is republished.
 */
@ApplicationScoped
public class CatalogStateLoader {

  private static final Logger LOG = Logger.getLogger(CatalogStateLoader.class);

  private final CatalogState state;
  private final ObjectMapper json;
  private final String bootstrapServers;
  private final WorkCatalogue works;

  public CatalogStateLoader(
      CatalogState state,
      ObjectMapper json,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      WorkCatalogue works) {
    this.state = state;
    this.json = json;
    this.bootstrapServers = bootstrapServers;
    this.works = works;
  }

  void onStart(@Observes StartupEvent event) {
    load();
    try {
      WorkReport report = works.reconcile();
      LOG.infof(
          "works reconciled: %d titles got a new work, %d joined one, %d conflicts; %d work"
              + " records published, %d removed",
          report.newWorkCount(),
          report.mergeCount(),
          report.conflictCount(),
          report.worksPublished(),
          report.worksRemoved());
    } catch (PublishFailedException e) {
      LOG.errorf(
          "could not publish the works at start-up (%s); titles are served, and the works are"
              + " published with the next change. Does the topic %s exist?",
          e.getMessage(), Topics.CATALOG_WORKS);
    }
    state.markLoaded();
  }

  /** Reads both topics into the state. */
  public void load() {
    long titles =
        read(
            Topics.CATALOG_TITLES,
            (key, event) -> {
              if (event == null) {
                state.remove(key);
              } else {
                state.put(new WorkMember(TitleMapping.fromEvent(event), event.workId()));
              }
            });
    long workRecords =
        read(
            Topics.CATALOG_WORKS,
            (key, event) -> {
              if (event == null) {
                state.removePublishedWork(key);
              } else {
                state.putPublishedWork(
                    new CatalogWork(key, TitleMapping.fromEvent(event), event.memberIds()));
              }
            });
    LOG.infof(
        "catalogue state rebuilt from %s and %s: %d + %d records read, %d titles in %d works",
        Topics.CATALOG_TITLES,
        Topics.CATALOG_WORKS,
        titles,
        workRecords,
        state.size(),
        state.workCount());
  }

  /** Reads a compacted topic from the beginning to its current end; returns the records read. */
  private long read(String topic, BiConsumer<String, TitlePublished> apply) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60));
      if (partitions == null || partitions.isEmpty()) {
        LOG.warnf("topic %s does not exist: nothing to read back", topic);
        return 0;
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
      long records = 0;
      while (!reachedEnd(consumer, end, Set.copyOf(assigned))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          records++;
          try {
            apply.accept(
                r.key(),
                r.value() == null ? null : json.readValue(r.value(), TitlePublished.class));
          } catch (IOException | IllegalArgumentException e) {
            LOG.warnf(
                "skipped unreadable record %s-%d@%d (%s)",
                r.topic(), r.partition(), r.offset(), e.getMessage());
          }
        }
      }
      return records;
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
