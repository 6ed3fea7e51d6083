package dev.moviedb.worker.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.Topics;
import dev.moviedb.testing.WithKafkaAndRedis;
import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Poison records over a real Kafka broker: a record that cannot be read or is not a valid event
 * goes to the topic's dead-letter topic with headers saying why and where it came from, and the
 * worker goes on with the records around it.
 */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class PoisonRecordsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String CATALOG_DLQ = Topics.CATALOG_WORKS + Topics.DEAD_LETTER_SUFFIX;

  @Inject VectorStore store;
  @Inject CatalogTitlesConsumer catalogTitles;
  @Inject MeterRegistry metrics;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void givenPoisonAndInvalidTitlesInOneBatch_catalogue_indexesTheGoodOnesAndDeadLettersTheRest()
      throws Exception {
    String run = "poison-" + UUID.randomUUID();
    String good1 = run + ":good-1";
    String poison = run + ":poison";
    String invalid = run + ":invalid";
    String good2 = run + ":good-2";
    byte[] poisonBytes = ("{\"titleId\":\"" + poison + "\", oops").getBytes(StandardCharsets.UTF_8);
    byte[] invalidBytes =
        ("{\"schemaVersion\":1,\"titleId\":\"" + invalid + "\",\"type\":\"MOVIE\",\"year\":2001}")
            .getBytes(StandardCharsets.UTF_8);

    // One partition, one flush: the four records reach the worker together, as one batch.
    produce(
        Topics.CATALOG_WORKS,
        0,
        List.of(
            new ProducerRecord<>(Topics.CATALOG_WORKS, 0, good1, title(good1, "Harbour Lights")),
            new ProducerRecord<>(Topics.CATALOG_WORKS, 0, poison, poisonBytes),
            new ProducerRecord<>(Topics.CATALOG_WORKS, 0, invalid, invalidBytes),
            new ProducerRecord<>(Topics.CATALOG_WORKS, 0, good2, title(good2, "Winter Orchard"))));

    awaitTrue(
        "both good titles indexed and two records dead-lettered",
        () ->
            store.get(List.of(good1, good2)).size() == 2
                && readAll(CATALOG_DLQ, key -> key != null && key.startsWith(run)).size() >= 2);

    assertThat(store.get(List.of(good1, good2)))
        .extractingFromEntries(e -> e.getValue().title())
        .containsExactlyInAnyOrder("Harbour Lights", "Winter Orchard");
    assertThat(store.get(List.of(poison, invalid))).isEmpty();

    List<ConsumerRecord<String, byte[]>> dead =
        readAll(CATALOG_DLQ, key -> key != null && key.startsWith(run));
    assertThat(dead)
        .extracting(ConsumerRecord::key, r -> header(r, "dead-letter-topic"))
        .containsExactlyInAnyOrder(
            tuple(poison, Topics.CATALOG_WORKS), tuple(invalid, Topics.CATALOG_WORKS));

    ConsumerRecord<String, byte[]> unreadable = only(dead, poison);
    assertThat(unreadable.value()).as("the original bytes, kept").isEqualTo(poisonBytes);
    assertThat(header(unreadable, "dead-letter-reason")).contains("JsonParseException");
    assertThat(header(unreadable, "dead-letter-exception-class-name"))
        .isEqualTo("org.apache.kafka.common.errors.RecordDeserializationException");
    assertThat(header(unreadable, "dead-letter-partition")).isEqualTo("0");
    assertThat(header(unreadable, "dead-letter-offset")).matches("\\d+");

    ConsumerRecord<String, byte[]> notATitle = only(dead, invalid);
    assertThat(header(notATitle, "dead-letter-reason")).contains(invalid).contains("no title");
    assertThat(header(notATitle, "dead-letter-exception-class-name"))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(json.readTree(notATitle.value()).get("titleId").asText()).isEqualTo(invalid);
  }

  @Test
  void givenTheSameBatchTwice_catalogue_indexesOnceAndDeadLettersEachDeliveryOfABadRecord()
      throws Exception {
    String run = "redelivery-" + UUID.randomUUID();
    String good = run + ":good";
    String poison = run + ":poison";
    String invalid = run + ":invalid";
    long offset = 1_000_000L + new java.util.Random().nextInt(1_000_000);
    RecordHeaders unreadable = new RecordHeaders();
    unreadable.add(
        "deserialization-failure-reason",
        "java.lang.RuntimeException: bad".getBytes(StandardCharsets.UTF_8));
    unreadable.add("deserialization-failure-value-data", new byte[] {'{', 'x'});
    TitlePublished noTitle =
        json.readValue(
            "{\"schemaVersion\":1,\"titleId\":\"" + invalid + "\",\"type\":\"MOVIE\"}",
            TitlePublished.class);
    TopicPartition tp = new TopicPartition(Topics.CATALOG_WORKS, 2);
    ConsumerRecords<String, TitlePublished> batch =
        new ConsumerRecords<>(
            Map.of(
                tp,
                List.of(
                    new ConsumerRecord<>(
                        tp.topic(),
                        tp.partition(),
                        offset,
                        good,
                        json.readValue(title(good, "Salt Roads"), TitlePublished.class)),
                    new ConsumerRecord<>(
                        tp.topic(),
                        tp.partition(),
                        offset + 1,
                        0L,
                        TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        poison,
                        null,
                        unreadable,
                        Optional.empty()),
                    new ConsumerRecord<>(
                        tp.topic(), tp.partition(), offset + 2, invalid, noTitle))));

    catalogTitles.consume(batch);
    StoredTitle first = store.get(List.of(good)).get(good);
    double embeddedBefore = metrics.counter("moviedb.worker.titles.embedded").count();
    catalogTitles.consume(batch);

    assertThat(metrics.counter("moviedb.worker.titles.embedded").count())
        .as("nothing embedded again")
        .isEqualTo(embeddedBefore);
    assertThat(store.get(List.of(good)).get(good)).usingRecursiveComparison().isEqualTo(first);
    List<ConsumerRecord<String, byte[]>> dead =
        readAll(CATALOG_DLQ, key -> key != null && key.startsWith(run));
    assertThat(dead)
        .extracting(ConsumerRecord::key, r -> header(r, "dead-letter-offset"))
        .containsExactlyInAnyOrder(
            tuple(poison, Long.toString(offset + 1)),
            tuple(poison, Long.toString(offset + 1)),
            tuple(invalid, Long.toString(offset + 2)),
            tuple(invalid, Long.toString(offset + 2)));
    assertThat(dead)
        .filteredOn(r -> poison.equals(r.key()))
        .extracting(ConsumerRecord::value)
        .as("the unreadable bytes, kept")
        .containsOnly(new byte[] {'{', 'x'});
  }

  @Test
  void givenTombstone_catalogue_removesTheTitleAndDeadLettersNothing() throws Exception {
    String run = "tombstone-" + UUID.randomUUID();
    String id = run + ":gone";
    produce(
        Topics.CATALOG_WORKS,
        0,
        List.of(new ProducerRecord<>(Topics.CATALOG_WORKS, 0, id, title(id, "Paper Boats"))));
    awaitTrue("title indexed", () -> store.get(List.of(id)).containsKey(id));

    produce(
        Topics.CATALOG_WORKS,
        0,
        List.of(new ProducerRecord<String, byte[]>(Topics.CATALOG_WORKS, 0, id, null)));

    awaitTrue("title removed", () -> store.get(List.of(id)).isEmpty());
    assertThat(readAll(CATALOG_DLQ, key -> id.equals(key))).isEmpty();
  }

  private byte[] title(String id, String name) throws Exception {
    return json.writeValueAsBytes(
        new TitlePublished(
            TitlePublished.SCHEMA_VERSION,
            id,
            TitleType.SERIES,
            name,
            List.of(),
            2020,
            null,
            1,
            List.of("Drama"),
            List.of("Ann Example"),
            List.of(),
            List.of("NL"),
            List.of("nl"),
            null,
            "A quiet drama about " + name + ".",
            null,
            List.of(),
            Instant.parse("2024-01-01T00:00:00Z")));
  }

  private void produce(String topic, int partition, List<ProducerRecord<String, byte[]>> records)
      throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      var sent = records.stream().map(producer::send).toList();
      producer.flush();
      for (var s : sent) {
        assertThat(s.get(30, TimeUnit.SECONDS).topic()).isEqualTo(topic);
        assertThat(s.get().partition()).isEqualTo(partition);
      }
    }
  }

  /** Every record of the topic, start to current end, whose key passes the filter. */
  private List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<String> keyFilter) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end within 30 s");
        }
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

  private static ConsumerRecord<String, byte[]> only(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    List<ConsumerRecord<String, byte[]>> matching =
        records.stream().filter(r -> key.equals(r.key())).toList();
    assertThat(matching).as("records with key " + key).hasSize(1);
    return matching.get(0);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + PATIENCE.toSeconds() + " s");
      }
      Thread.sleep(250);
    }
  }
}
