package dev.moviedb.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.moviedb.events.Topics;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot removes the titles of its source that it does not list: one that would remove titles
 * by mistake (too many rejected rows, rows of another source, no rows) is refused with the counts
 * and changes nothing unless forced; two snapshots of one source run one after the other.
 */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class SnapshotSafetyTest {

  /** The endpoints called here are an admin's (health is anyone's). */
  @BeforeEach
  void asAdmin() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("Authorization", TestIssuer.bearerAdmin()).build();
  }

  @AfterEach
  void anonymousAgain() {
    RestAssured.requestSpecification = null;
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private static String row(String source, int id, String title) {
    return "{\"source\":\""
        + source
        + "\",\"nativeId\":\"n"
        + id
        + "\",\"type\":\"MOVIE\",\"title\":\""
        + title
        + "\",\"year\":2001,\"runtimeMinutes\":100,\"genres\":[\"Drama\"]}\n";
  }

  /** Rows {@code from..to} of a source; the ids in {@code invalid} lose their title. */
  private static String rows(String source, int from, int to, Set<Integer> invalid) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> row(source, i, invalid.contains(i) ? "" : "Title " + i))
        .collect(Collectors.joining());
  }

  private static ValidatableResponse importJsonl(String body, String source, String query) {
    return send(body, source, query).then();
  }

  private static Response send(String body, String source, String query) {
    return given()
        .contentType("application/x-ndjson")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=snapshot.jsonl&source=" + source + query);
  }

  @Test
  void snapshotRejectingMoreThanOnePercent_isRefusedWithTheCounts_andChangesNothing() {
    importJsonl(rows("s1", 1, 200, Set.of()), "s1", "").statusCode(200);
    long before = topicRecords();
    String export = rows("s1", 1, 200, Set.of(7, 8, 9)).replace("Title 1\"", "Title One\"");

    importJsonl(export, "s1", "&mode=snapshot")
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("type", equalTo("urn:moviedb:problem:snapshot-refused"))
        .body("detail", containsString("3 of 200 rows (1.5 %) were rejected"))
        .body("detail", containsString("more than the 1.0 %"))
        .body("detail", containsString("Nothing of the snapshot was applied"))
        .body("detail", containsString("force=true"))
        .body("errors[0].field", equalTo("title"))
        .body("errors[0].detail", startsWith("line 7: "));

    assertThat(topicRecords()).as("records on catalog.titles").isEqualTo(before);
    given().get("/v1/catalog/titles/s1:n1").then().body("title", equalTo("Title 1"));
    given().get("/v1/catalog/titles/s1:n8").then().statusCode(200);

    importJsonl(export, "s1", "&mode=snapshot&force=true")
        .statusCode(200)
        .body("rejected", equalTo(3))
        .body("published", equalTo(1))
        .body("removed", equalTo(3));
    given().get("/v1/catalog/titles/s1:n1").then().body("title", equalTo("Title One"));
    given().get("/v1/catalog/titles/s1:n8").then().statusCode(404);
  }

  @Test
  void snapshotRejectingOnePercent_isApplied() {
    importJsonl(rows("s2", 1, 100, Set.of()), "s2", "").statusCode(200);

    importJsonl(rows("s2", 1, 100, Set.of(50)), "s2", "&mode=snapshot")
        .statusCode(200)
        .body("rejected", equalTo(1))
        .body("removed", equalTo(1));
  }

  @Test
  void snapshotWithRowsOfAnotherSource_isRefused() {
    importJsonl(rows("s3", 1, 20, Set.of()), "s3", "").statusCode(200);
    long before = topicRecords();

    importJsonl(rows("s3", 1, 15, Set.of()) + rows("s3x", 1, 5, Set.of()), "s3", "&mode=snapshot")
        .statusCode(422)
        .body("detail", containsString("5 of 20 rows are not of source s3 (5 of s3x)"));

    assertThat(topicRecords()).isEqualTo(before);
    given().get("/v1/catalog/titles/s3:n20").then().statusCode(200);
    given().get("/v1/catalog/titles/s3x:n1").then().statusCode(404);
  }

  @Test
  void snapshotWithoutRows_isRefused_whileItsSourceHasTitles() {
    importJsonl(rows("s4", 1, 3, Set.of()), "s4", "").statusCode(200);

    importJsonl("\n\n", "s4", "&mode=snapshot")
        .statusCode(422)
        .body("detail", containsString("no rows: applying it would remove all 3 titles of s4"));
    given().get("/v1/catalog/titles/s4:n3").then().statusCode(200);
  }

  @Test
  void forceThatIsNotABoolean_isABadParameter() {
    importJsonl(rows("s5", 1, 1, Set.of()), "s5", "&mode=snapshot&force=yes")
        .statusCode(400)
        .body("parameter", equalTo("force"))
        .body("detail", containsString("'yes' is not true or false"));
  }

  @Test
  void twoSnapshotsOfOneSourceAtOnce_runOneAfterTheOther_andTheLastOneWins() throws Exception {
    String first = rows("s6", 1, 1500, Set.of());
    String second = rows("s6", 1001, 2500, Set.of());
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Response> a =
        CompletableFuture.supplyAsync(() -> await(go, () -> send(first, "s6", "&mode=snapshot")));
    CompletableFuture<Response> b =
        CompletableFuture.supplyAsync(() -> await(go, () -> send(second, "s6", "&mode=snapshot")));
    go.countDown();
    Response ra = a.get();
    Response rb = b.get();
    assertThat(ra.statusCode()).isEqualTo(200);
    assertThat(rb.statusCode()).isEqualTo(200);

    Instant aStart = Instant.parse(ra.path("startedAt"));
    Instant aEnd = Instant.parse(ra.path("finishedAt"));
    Instant bStart = Instant.parse(rb.path("startedAt"));
    Instant bEnd = Instant.parse(rb.path("finishedAt"));
    assertThat(
            aEnd.isBefore(bStart)
                || bEnd.isBefore(aStart)
                || aEnd.equals(bStart)
                || bEnd.equals(aStart))
        .as("import A ran %s..%s, import B %s..%s", aStart, aEnd, bStart, bEnd)
        .isTrue();

    boolean bLast = bStart.isAfter(aStart);
    Set<String> expected =
        IntStream.rangeClosed(bLast ? 1001 : 1, bLast ? 2500 : 1500)
            .mapToObj(i -> "s6:n" + i)
            .collect(Collectors.toSet());
    Set<String> live =
        liveTitles().keySet().stream().filter(k -> k.startsWith("s6:")).collect(Collectors.toSet());
    assertThat(live).hasSize(1500).isEqualTo(expected);
  }

  private static <T> T await(CountDownLatch go, java.util.function.Supplier<T> then) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return then.get();
  }

  /** Every record on catalog.titles (a refused snapshot adds none). */
  private long topicRecords() {
    long[] count = {0};
    readTopic(r -> count[0]++);
    return count[0];
  }

  /** The titles with a record on catalog.titles whose latest record is not a tombstone. */
  private Map<String, String> liveTitles() {
    Map<String, String> latest = new HashMap<>();
    readTopic(r -> latest.put(r.key(), r.value()));
    latest.values().removeIf(v -> v == null);
    return latest;
  }

  private void readTopic(java.util.function.Consumer<ConsumerRecord<String, String>> each) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      consumer
          .partitionsFor(Topics.CATALOG_TITLES)
          .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          each.accept(r);
        }
      }
    }
  }
}
