package dev.moviedb.taste.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes to and reads from the test broker's topics as other services would. */
public final class Topic {

  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final String bootstrap;

  public Topic(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Publishes a catalogue title as catalog-ingest would. */
  public void title(String id, TitleType type, String name, List<String> genres, String... others)
      throws Exception {
    send(
        Topics.CATALOG_TITLES,
        id,
        JSON.writeValueAsBytes(
            new TitlePublished(
                TitlePublished.SCHEMA_VERSION,
                id,
                type,
                name,
                List.of(others),
                2020,
                null,
                1,
                genres,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                "About " + name + ".",
                null,
                List.of(),
                Instant.parse("2024-01-01T00:00:00Z"))),
        null);
  }

  /** Publishes watch events under their user's key, each acknowledged. */
  public void events(List<WatchRecorded> events) throws Exception {
    for (WatchRecorded e : events) {
      send(Topics.WATCH_EVENTS, e.userId(), JSON.writeValueAsBytes(e), null);
    }
  }

  /** Publishes a record; {@code timestamp} null means now. */
  public void send(String topic, String key, byte[] value, Long timestamp) throws Exception {
    send(topic, key, value, timestamp, List.of());
  }

  /** Publishes a record with headers, as a replay of the topic would. */
  public void send(
      String topic,
      String key,
      byte[] value,
      Long timestamp,
      Iterable<org.apache.kafka.common.header.Header> headers)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(topic, null, timestamp, key, value, headers))
          .get(30, TimeUnit.SECONDS);
    }
  }

  /** Every record of the topic, start to current end, whose key passes the filter. */
  public List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<String> keyFilter) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("reading " + topic + " to its end").isLessThan(deadline);
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))
              && keyFilter.test(r.key())) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }

  public static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + PATIENCE.toSeconds() + " s");
      }
      Thread.sleep(100);
    }
  }
}
