package dev.moviedb.signals.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.collective.BatchSignals;
import dev.moviedb.collective.Horizon;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.SignalState;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveReader;
import dev.moviedb.events.Signal;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.events.WatchedOn;
import dev.moviedb.testing.SharedInfra;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service as it runs: a real Kafka broker, a real Redis, the consumer, the writer, the reader.
 * Every test starts from an empty Redis and compares what the service keeps with the batch
 * definition of the same events.
 */
@QuarkusTest
@WithKafkaAndRedis
class SignalsFlowTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String DLQ = Topics.WATCH_EVENTS + Topics.DEAD_LETTER_SUFFIX;
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  private static final List<WatchedOn> PLACES =
      List.of(new WatchedOn("netflix", "NL"), new WatchedOn("netflix", "BE"));

  @Inject CollectiveReader reader;
  @Inject SignalParams params;
  @Inject RedisDataSource redis;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeEach
  void emptyRedis() {
    redis.flushall();
  }

  @Test
  void givenShuffledAndRedeliveredEventsThroughKafka_signals_equalTheOrderedBatchComputation()
      throws Exception {
    String run = "flow-" + UUID.randomUUID().toString().substring(0, 8);
    List<WatchRecorded> events = randomEvents(run, 15, 20, 30, new Random(1));
    List<WatchRecorded> delivered = new ArrayList<>(events);
    delivered.addAll(events.subList(0, events.size() / 4)); // the same events again
    delivered.addAll(ignored(run)); // unresolved and thumbs down: count nothing
    Collections.shuffle(delivered, new Random(2)); // out of order, across users and in time

    produce(delivered);

    SignalState expected = BatchSignals.compute(byUser(events), params);
    awaitTrue("the stream's state equals the batch's", () -> sameCounts(expected));
    awaitTrue("the top lists are the batch's neighbours", () -> sameNeighbours(expected));
    assertWeightsClose(reader.snapshot(), expected);

    Scope nl = Scope.of("netflix", "NL");
    CollectiveReader.Trending trending = reader.trending("netflix", "NL", Horizon.WEEK, 5);
    assertThat(trending.served()).isEqualTo(nl);
    assertThat(trending.items()).hasSize(5);
    assertThat(trending.items())
        .extracting(CollectiveReader.TrendingItem::score)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    Map<String, Double> nlWeek = expected.weights().get(nl).get(Horizon.WEEK);
    double fifthBest = bestWeights(nlWeek, 5).get(4);
    assertThat(trending.items())
        .allSatisfy(
            i ->
                assertThat(nlWeek.get(i.item()))
                    .as("a top-5 weight in the batch")
                    .isGreaterThanOrEqualTo(fifthBest * (1 - 1e-9)));
    given()
        .header("Authorization", TestIssuer.bearerAdmin())
        .when()
        .get("/v1/signals/trending?service=netflix&country=NL&horizon=week&limit=5")
        .then()
        .statusCode(200)
        .body(containsString(trending.items().get(0).item()));
  }

  @Test
  void givenATombstoneOnAUsersKey_signals_equalThoseComputedWithoutThatUser() throws Exception {
    String run = "erase-" + UUID.randomUUID().toString().substring(0, 8);
    List<WatchRecorded> events = randomEvents(run, 6, 10, 25, new Random(3));
    String erased = run + "-user-2";
    produce(events);
    awaitTrue("all events applied", () -> sameCounts(BatchSignals.compute(byUser(events), params)));

    produceRaw(List.of(new ProducerRecord<>(Topics.WATCH_EVENTS, erased, null)));

    List<WatchRecorded> without = events.stream().filter(e -> !erased.equals(e.userId())).toList();
    SignalState expected = BatchSignals.compute(byUser(without), params);
    awaitTrue("the erased user's contributions are gone", () -> sameCounts(expected));
    awaitTrue("the top lists are those without the user", () -> sameNeighbours(expected));
    assertThat(redis.key().keys("*{" + erased + "}*")).isEmpty();
    assertThat(redis.hash(String.class).hexists("moviedb:trending:{trending}:applied", erased))
        .isFalse();
  }

  @Test
  void givenPoisonRecordsAmongGoodOnes_signals_deadLetterThePoisonAndCountTheRest()
      throws Exception {
    String run = "poison-" + UUID.randomUUID().toString().substring(0, 8);
    String user = run + "-user";
    WatchRecorded good1 = watch(run + "-e1", user, "netflix:s1", START, null);
    WatchRecorded good2 = watch(run + "-e2", user, "netflix:s2", START.plusSeconds(60), null);
    WatchRecorded noTime = watch(run + "-e3", user, "netflix:s3", null, null);
    byte[] unreadable = "{\"eventId\": oops".getBytes(StandardCharsets.UTF_8);

    produceRaw(
        List.of(
            new ProducerRecord<>(Topics.WATCH_EVENTS, 0, user, json.writeValueAsBytes(good1)),
            new ProducerRecord<>(Topics.WATCH_EVENTS, 0, user, unreadable),
            new ProducerRecord<>(Topics.WATCH_EVENTS, 0, user, json.writeValueAsBytes(noTime)),
            new ProducerRecord<>(
                Topics.WATCH_EVENTS, 0, "someone-else", json.writeValueAsBytes(good2)),
            new ProducerRecord<>(Topics.WATCH_EVENTS, 0, user, json.writeValueAsBytes(good2))));

    SignalState expected = BatchSignals.compute(byUser(List.of(good1, good2)), params);
    awaitTrue("the good events counted", () -> sameCounts(expected));
    awaitTrue(
        "three dead letters",
        () -> readAll(DLQ, k -> user.equals(k) || "someone-else".equals(k), run).size() >= 3);

    List<ConsumerRecord<String, byte[]>> dead =
        readAll(DLQ, k -> user.equals(k) || "someone-else".equals(k), run);
    assertThat(dead)
        .extracting(
            r -> header(r, "dead-letter-exception-class-name"),
            r -> header(r, "dead-letter-consumer-group"))
        .containsExactlyInAnyOrder(
            tuple(
                "org.apache.kafka.common.errors.RecordDeserializationException",
                "collective-signals"),
            tuple(IllegalArgumentException.class.getName(), "collective-signals"),
            tuple(IllegalArgumentException.class.getName(), "collective-signals"));
    assertThat(dead)
        .extracting(r -> header(r, "dead-letter-reason"))
        .anySatisfy(reason -> assertThat(reason).contains("occurredAt is missing"))
        .anySatisfy(reason -> assertThat(reason).contains("is not the event's userId"));
    assertThat(dead)
        .filteredOn(r -> header(r, "dead-letter-reason").contains("JsonParseException"))
        .singleElement()
        .satisfies(r -> assertThat(r.value()).isEqualTo(unreadable));
  }

  @Test
  void givenRedisDownForAWhile_signals_waitAndLoseNothingWhenItIsBack() throws Exception {
    String run = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    List<WatchRecorded> events = randomEvents(run, 8, 12, 20, new Random(4));
    SharedInfra.redis().close();
    try {
      produce(events);
      Thread.sleep(4_000); // the consumer meets the outage and keeps trying
      given()
          .when()
          .get("/q/health/ready")
          .then()
          .statusCode(503)
          .body(
              "checks.find { it.name == 'watch-event-consumption' }.status",
              org.hamcrest.Matchers.equalTo("DOWN"));
      assertThat(readAll(DLQ, k -> k != null && k.startsWith(run), run))
          .as("nothing good is dead-lettered during an outage")
          .isEmpty();
    } finally {
      SharedInfra.redis().start();
    }

    SignalState expected = BatchSignals.compute(byUser(events), params);
    awaitTrue("every event applied after the outage", () -> sameCounts(expected));
    awaitTrue("the top lists are the batch's neighbours", () -> sameNeighbours(expected));
    given().when().get("/q/health/ready").then().statusCode(200);
  }

  // ---------------------------------------------------------------------------------------------

  private static List<WatchRecorded> randomEvents(
      String run, int users, int items, int maxPerUser, Random random) {
    List<WatchRecorded> out = new ArrayList<>();
    Signal[] counting = {Signal.WATCHED, Signal.WATCHED, Signal.LIKED, Signal.LOVED};
    for (int u = 0; u < users; u++) {
      int n = 1 + random.nextInt(maxPerUser);
      for (int e = 0; e < n; e++) {
        int place = random.nextInt(PLACES.size() + 1);
        out.add(
            new WatchRecorded(
                1,
                run + "-e" + u + "-" + e,
                run + "-user-" + u,
                null,
                "netflix:s" + random.nextInt(items),
                null,
                counting[random.nextInt(counting.length)],
                null,
                START.plusSeconds(random.nextInt(50 * 86_400)),
                "test",
                null,
                null,
                place == PLACES.size() ? null : PLACES.get(place)));
      }
    }
    return out;
  }

  private static List<WatchRecorded> ignored(String run) {
    return List.of(
        new WatchRecorded(
            1,
            run + "-raw",
            run + "-user-0",
            null,
            null,
            "Dark",
            Signal.WATCHED,
            null,
            START,
            "test",
            null,
            null,
            null),
        watchWith(run + "-down", run + "-user-1", "netflix:s99", Signal.DISLIKED));
  }

  private static WatchRecorded watchWith(String id, String user, String title, Signal signal) {
    return new WatchRecorded(
        1, id, user, null, title, null, signal, null, START, "test", null, null, null);
  }

  private static WatchRecorded watch(
      String id, String user, String title, Instant at, WatchedOn where) {
    return new WatchRecorded(
        1, id, user, null, title, null, Signal.WATCHED, null, at, "test", null, null, where);
  }

  private static Map<String, List<Watched>> byUser(List<WatchRecorded> events) {
    Map<String, List<Watched>> out = new LinkedHashMap<>();
    for (WatchRecorded e : events) {
      out.computeIfAbsent(e.userId(), u -> new ArrayList<>())
          .add(new Watched(e.titleId(), Scope.of(e.watchedOn()), e.occurredAt()));
    }
    return out;
  }

  private boolean sameCounts(SignalState expected) {
    SignalState actual = reader.snapshot();
    return actual.users().equals(expected.users())
        && actual.rows().equals(expected.rows())
        && actual.counts().equals(expected.counts())
        && actual.listUsers() == expected.listUsers();
  }

  private boolean sameNeighbours(SignalState expected) {
    for (String item : expected.counts().keySet()) {
      List<Neighbour> want = expected.neighbours(item, Similarity.COSINE, params);
      List<Neighbour> got = reader.neighbours(item, params.neighbours());
      if (!got.stream()
          .map(Neighbour::item)
          .toList()
          .equals(want.stream().map(Neighbour::item).toList())) {
        return false;
      }
    }
    return true;
  }

  private static void assertWeightsClose(SignalState actual, SignalState expected) {
    assertThat(actual.weights().keySet()).isEqualTo(expected.weights().keySet());
    expected
        .weights()
        .forEach(
            (scope, byHorizon) ->
                byHorizon.forEach(
                    (h, items) -> {
                      Map<String, Double> got = actual.weights().get(scope).get(h);
                      assertThat(got.keySet()).isEqualTo(items.keySet());
                      items.forEach(
                          (item, w) -> assertThat(got.get(item)).isCloseTo(w, within(w * 1e-9)));
                    }));
  }

  private static List<Double> bestWeights(Map<String, Double> weights, int limit) {
    return weights.values().stream()
        .sorted(java.util.Comparator.reverseOrder())
        .limit(limit)
        .toList();
  }

  private void produce(List<WatchRecorded> events) throws Exception {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (WatchRecorded e : events) {
      records.add(new ProducerRecord<>(Topics.WATCH_EVENTS, e.userId(), json.writeValueAsBytes(e)));
    }
    produceRaw(records);
  }

  private void produceRaw(List<ProducerRecord<String, byte[]>> records) throws Exception {
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
        s.get(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Dead letters of this run: key filter, and the run id in the original bytes or the key. */
  private List<ConsumerRecord<String, byte[]>> readAll(
      String topic, Predicate<String> keyFilter, String run) {
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
          boolean ofRun =
              (r.key() != null && r.key().contains(run))
                  || (r.value() != null
                      && new String(r.value(), StandardCharsets.UTF_8).contains(run))
                  || header(r, "dead-letter-reason") != null
                      && header(r, "dead-letter-reason").contains(run);
          if (keyFilter.test(r.key()) && ofRun) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      boolean ok;
      try {
        ok = condition.getAsBoolean();
      } catch (RuntimeException notYet) {
        ok = false;
      }
      if (ok) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + PATIENCE.toSeconds() + " s");
      }
      Thread.sleep(250);
    }
  }
}
