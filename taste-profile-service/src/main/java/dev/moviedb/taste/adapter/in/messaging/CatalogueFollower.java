package dev.moviedb.taste.adapter.in.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.KafkaClientSettings;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.Topics;
import dev.moviedb.taste.application.FollowCatalogue;
import dev.moviedb.taste.application.StartupGate;
import dev.moviedb.taste.application.UpgradeTasteState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows the compacted {@code catalog.titles} into the title resolver: every instance reads all of
 * it, from the start, without a consumer group (a plain consumer assigned every partition, like a
 * global table), and keeps reading. At start-up it first upgrades the stored taste state, then
 * reads the catalogue up to the end it had when reading began; only then does the start-up gate
 * open (readiness, watch events). Afterwards each poll's new titles resolve the kept events they
 * name.
 *
 * <p>A record that is not a readable title is left out with a warning (embedding-worker
 * dead-letters it); a tombstone removes its title. When Kafka or Redis fails, it tries again after
 * a pause.
 */
@ApplicationScoped
public class CatalogueFollower {

  private static final Logger LOG = Logger.getLogger(CatalogueFollower.class);
  private static final Duration PAUSE = Duration.ofSeconds(5);

  private final FollowCatalogue follow;
  private final UpgradeTasteState upgrade;
  private final StartupGate gate;
  private final ObjectMapper json;
  private final Map<String, Object> kafka;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public CatalogueFollower(
      FollowCatalogue follow,
      UpgradeTasteState upgrade,
      StartupGate gate,
      ObjectMapper json,
      @Identifier("default-kafka-broker") Map<String, Object> kafka) {
    this.follow = follow;
    this.upgrade = upgrade;
    this.gate = gate;
    this.json = json;
    this.kafka = kafka;
  }

  void start(@Observes StartupEvent event) {
    thread = new Thread(this::run, "catalogue-follower");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      thread.join(PAUSE.toMillis());
    }
  }

  private void run() {
    while (running && !gate.isUpgraded()) {
      try {
        upgrade.run();
        gate.upgraded();
      } catch (RuntimeException e) {
        LOG.warnf("upgrading the stored taste state failed (%s); again in 5 s", e.toString());
        pause();
      }
    }
    while (running) {
      try {
        follow();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("reading catalog.titles failed (%s); again in 5 s", e.toString());
        pause();
      }
    }
  }

  private void follow() {
    Map<String, Object> props = KafkaClientSettings.from(kafka);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "taste-profile-service-catalogue");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    try (KafkaConsumer<String, byte[]> c =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = c;
      if (!running) {
        return;
      }
      List<TopicPartition> partitions =
          c.partitionsFor(Topics.CATALOG_TITLES, Duration.ofSeconds(60)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long records = 0;
      boolean fullPassDone = gate.isCatalogueLoaded();
      Set<String> waiting = new LinkedHashSet<>();
      while (running) {
        ConsumerRecords<String, byte[]> polled = c.poll(Duration.ofMillis(500));
        records += polled.count();
        Set<String> names = follow.apply(latest(polled));
        if (!gate.isCatalogueLoaded()) {
          if (partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
            gate.catalogueLoaded();
          } else {
            gate.catalogueProgress(records + " of about " + sum(end) + " records read");
            continue;
          }
        }
        if (!fullPassDone) {
          fullPassDone = tryResolve(() -> follow.caughtUp());
        } else {
          waiting.addAll(names);
          if (!waiting.isEmpty() && tryResolve(() -> follow.resolveWaiting(waiting))) {
            waiting.clear();
          }
        }
      }
    } finally {
      consumer = null;
    }
  }

  /** The latest record of each title in the poll; unreadable records are left out. */
  private Map<String, TitlePublished> latest(ConsumerRecords<String, byte[]> polled) {
    Map<String, TitlePublished> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : polled) {
      if (r.key() == null) {
        continue;
      }
      TitlePublished title;
      if (r.value() == null) {
        title = null;
      } else {
        try {
          title = json.readValue(r.value(), TitlePublished.class);
        } catch (IOException e) {
          LOG.warnf(
              "catalogue record %s (partition %d, offset %d) is unreadable: left out",
              r.key(), r.partition(), r.offset());
          continue;
        }
      }
      latest.remove(r.key());
      latest.put(r.key(), title);
    }
    return latest;
  }

  private static boolean tryResolve(Runnable resolve) {
    try {
      resolve.run();
      return true;
    } catch (RuntimeException e) {
      LOG.warnf("resolving kept watch events failed (%s); again after the next poll", e.toString());
      return false;
    }
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  private void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
