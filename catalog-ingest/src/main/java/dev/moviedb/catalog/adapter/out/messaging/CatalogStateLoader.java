package dev.moviedb.catalog.adapter.out.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.catalog.application.CatalogState;
import dev.moviedb.catalog.application.WorkCatalogue;
import dev.moviedb.catalog.application.port.CataloguePublisher.PublishFailedException;
import dev.moviedb.catalog.domain.CatalogWork;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.TitleMapping;
import dev.moviedb.events.KafkaClientSettings;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Rebuilds {@link CatalogState} at start-up by reading the compacted {@code catalog.titles} and
 * {@code catalog.works} topics from the beginning to their current end: the topics are the source
 * of truth for what was published, including every title's work id. Then the works are reconciled
 * ({@link WorkCatalogue#reconcile}): titles of before works get theirs, and a work whose record
 * does not match its members is republished.
 *
 * <p>Afterwards it keeps following both topics from where the load ended (a plain consumer assigned
 * every partition, no group), so that what another replica publishes reaches this replica's state
 * too: an import diffs against the catalogue as published, whoever published it. Each poll is
 * applied inside {@link CatalogState#write}, between the batches of an import, never in one.
 */
@ApplicationScoped
public class CatalogStateLoader {

  private static final Logger LOG = Logger.getLogger(CatalogStateLoader.class);
  private static final Duration FOLLOW_POLL = Duration.ofMillis(500);
  private static final Duration FOLLOW_PAUSE = Duration.ofSeconds(5);

  private final CatalogState state;
  private final ObjectMapper json;
  private final Map<String, Object> kafka;
  private final WorkCatalogue works;
  private final Map<TopicPartition, Long> loadedTo = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean following = true;
  private volatile KafkaConsumer<String, byte[]> follower;
  private Thread followerThread;

  public CatalogStateLoader(
      CatalogState state,
      ObjectMapper json,
      @Identifier("default-kafka-broker") Map<String, Object> kafka,
      WorkCatalogue works) {
    this.state = state;
    this.json = json;
    this.kafka = kafka;
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
    followerThread = new Thread(this::follow, "catalogue-follower");
    followerThread.setDaemon(true);
    followerThread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    following = false;
    KafkaConsumer<String, byte[]> c = follower;
    if (c != null) {
      c.wakeup();
    }
    if (followerThread != null) {
      followerThread.join(FOLLOW_PAUSE.toMillis());
    }
  }

  /** Follows both topics from where the load ended until shutdown; a failure is tried again. */
  private void follow() {
    if (loadedTo.isEmpty()) {
      LOG.warnf(
          "%s and %s do not exist: this replica sees only its own imports",
          Topics.CATALOG_TITLES, Topics.CATALOG_WORKS);
      return;
    }
    while (following) {
      try (KafkaConsumer<String, byte[]> consumer = consumer()) {
        follower = consumer;
        List<TopicPartition> partitions = List.copyOf(loadedTo.keySet());
        consumer.assign(partitions);
        partitions.forEach(p -> consumer.seek(p, loadedTo.get(p)));
        while (following) {
          ConsumerRecords<String, byte[]> records = consumer.poll(FOLLOW_POLL);
          if (records.isEmpty()) {
            continue;
          }
          long applied =
              state.write(
                  () -> {
                    long n = 0;
                    for (ConsumerRecord<String, byte[]> r : records) {
                      apply(r);
                      loadedTo.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                      n++;
                    }
                    return n;
                  });
          LOG.debugf("followed %d catalogue records", applied);
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("following the catalogue topics failed (%s); again in 5 s", e.toString());
        try {
          Thread.sleep(FOLLOW_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One record of either topic, as the load applies it. */
  private void apply(ConsumerRecord<String, byte[]> r) {
    try {
      TitlePublished event =
          r.value() == null ? null : json.readValue(r.value(), TitlePublished.class);
      if (Topics.CATALOG_TITLES.equals(r.topic())) {
        applyTitle(r.key(), event);
      } else {
        applyWork(r.key(), event);
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warnf(
          "skipped unreadable record %s-%d@%d (%s)",
          r.topic(), r.partition(), r.offset(), e.getMessage());
    }
  }

  private void applyTitle(String key, TitlePublished event) {
    if (event == null) {
      state.remove(key);
    } else {
      state.put(new WorkMember(TitleMapping.fromEvent(event), event.workId()));
    }
  }

  private void applyWork(String key, TitlePublished event) {
    if (event == null) {
      state.removePublishedWork(key);
    } else {
      state.putPublishedWork(
          new CatalogWork(key, TitleMapping.fromEvent(event), event.memberIds()));
    }
  }

  /** Reads both topics into the state. */
  public void load() {
    long titles = read(Topics.CATALOG_TITLES, this::applyTitle);
    long workRecords = read(Topics.CATALOG_WORKS, this::applyWork);
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
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
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
      // What this load reaches is where following goes on: records published after it are read
      // then.
      loadedTo.putAll(end);
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

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> props = KafkaClientSettings.from(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
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
