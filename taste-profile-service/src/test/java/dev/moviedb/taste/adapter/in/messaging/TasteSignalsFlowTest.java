package dev.moviedb.taste.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.Signal;
import dev.moviedb.events.TasteSignalResolved;
import dev.moviedb.events.Topics;
import dev.moviedb.taste.adapter.in.file.ExportZips;
import dev.moviedb.taste.adapter.out.redis.TasteReader;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** End to end over a real Kafka broker and a real Redis: what a user sees after their signals. */
@QuarkusTest
@WithKafkaAndRedis
class TasteSignalsFlowTest {

  private static final String MODEL = "test-model-4d";

  @Inject ObjectMapper json;
  @Inject TasteReader tasteReader;
  @Inject dev.moviedb.taste.application.ApplyTasteSignal applySignal;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void givenDuplicateSignal_update_countsItOnce() throws Exception {
    String user = "user-" + UUID.randomUUID();
    send(user, signals(user));

    awaitTrue(() -> countOf(user, "DISLIKED") == 1 && unresolvedCount(user) == 1);

    given()
        .get("/v1/users/{id}/profile", user)
        .then()
        .statusCode(200)
        .body("model", equalTo(MODEL))
        .body("dimension", equalTo(4))
        .body("counts.LIKED", equalTo(1))
        .body("counts.WATCHED", equalTo(2))
        .body("counts.LOVED", equalTo(1))
        .body("counts.DISLIKED", equalTo(1))
        .body("watchedTitles", equalTo(4))
        .body("topTitles[0].titleId", equalTo("t-loved"))
        .body("topGenres[0].genre", equalTo("Drama"))
        .body("unresolved[0].rawTitle", equalTo("Rough Diamonds: Aflevering 8"))
        .body("unresolved[0].count", equalTo(1));
  }

  @Test
  void givenShuffledReplay_taste_isTheSame() throws Exception {
    String first = "user-" + UUID.randomUUID();
    String second = "user-" + UUID.randomUUID();
    send(first, signals(first));
    List<TasteSignalResolved> shuffled = new ArrayList<>(signals(second));
    Collections.shuffle(shuffled, new Random(42));
    send(second, shuffled);

    awaitTrue(() -> allApplied(first) && allApplied(second));

    double[] a = tasteReader.taste(first).orElseThrow();
    double[] b = tasteReader.taste(second).orElseThrow();
    assertThat(b).containsExactly(a, within(1e-5));
    // Loved and liked titles pull the taste towards them; the disliked one pushes it away.
    assertThat(a[0]).isPositive();
    assertThat(a[2]).isNegative();
  }

  @Test
  void givenConcurrentAndRepeatedDelivery_taste_equalsOneOrderlyPass() throws Exception {
    String orderly = "user-" + UUID.randomUUID();
    String concurrent = "user-" + UUID.randomUUID();
    signals(orderly).forEach(applySignal::apply);

    // Four workers apply every signal of the other user at once, each in its own order, as
    // consumers would after a rebalance with redelivery.
    List<TasteSignalResolved> all = signals(concurrent);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      List<TasteSignalResolved> mine = new ArrayList<>(all);
      Collections.shuffle(mine, new Random(w));
      done.add(pool.submit(() -> mine.forEach(applySignal::apply)));
    }
    for (var f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(tasteReader.taste(concurrent).orElseThrow())
        .containsExactly(tasteReader.taste(orderly).orElseThrow(), within(1e-5));
    assertThat(tasteReader.profile(concurrent).orElseThrow().counts())
        .isEqualTo(tasteReader.profile(orderly).orElseThrow().counts());
  }

  @Test
  void givenUploadOver50Megabytes_history_isRefusedWithAMessage() {
    byte[] big = new byte[51 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    given()
        .contentType("text/csv")
        .body(big)
        .post("/v1/users/{id}/history", "user-" + UUID.randomUUID())
        .then()
        .statusCode(413)
        .body(containsString("50 MB"));
  }

  @Test
  void givenUnknownUser_profile_is404() {
    given()
        .get("/v1/users/{id}/profile", "nobody-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("error", containsString("no taste profile"));
  }

  @Test
  void givenDelete_user_losesEveryKey() throws Exception {
    String user = "user-" + UUID.randomUUID();
    send(user, signals(user));
    awaitTrue(() -> countOf(user, "DISLIKED") == 1);

    given()
        .delete("/v1/users/{id}", user)
        .then()
        .statusCode(200)
        .body("removedKeys", hasItems("moviedb:user:{" + user + "}:taste"));
    given().get("/v1/users/{id}/profile", user).then().statusCode(404);
  }

  @Test
  void givenRatingsUpload_history_publishesGoodRowsAndReportsBadOnes() throws IOException {
    given()
        .contentType("text/csv")
        .body(resource("RatingsSample.csv"))
        .post("/v1/users/{id}/history", "user-" + UUID.randomUUID())
        .then()
        .statusCode(200)
        .body("format", equalTo("Ratings.csv"))
        .body("profile", equalTo("Anna"))
        .body("rowsRead", equalTo(8))
        .body("eventsPublished", equalTo(5))
        .body("skipped.cleared", equalTo(1))
        .body("rejected[0].line", equalTo(9))
        .body("rejected[0].field", equalTo("Event Utc Ts"));
  }

  @Test
  void givenHouseholdFileWithoutProfile_history_is400ListingProfiles() throws IOException {
    given()
        .contentType("text/csv")
        .body(resource("ViewingActivity.csv"))
        .post("/v1/users/{id}/history", "user-" + UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("error", containsString("[Anna, Bram]"));
  }

  @Test
  void givenWholeExportZip_history_reportsEachFileWithTotals() {
    given()
        .contentType("application/zip")
        .body(ExportZips.nestedExport())
        .queryParam("profile", "Anna")
        .post("/v1/users/{id}/history", "user-" + UUID.randomUUID())
        .then()
        .statusCode(200)
        .body("format", equalTo("zip"))
        .body("profile", equalTo("Anna"))
        .body("eventsPublished", equalTo(9))
        .body("files.format", contains("ViewingActivity.csv", "Ratings.csv", "MyList.csv"))
        .body("files[2].eventsPublished", equalTo(2))
        .body("rejected[0].file", equalTo("Ratings.csv"))
        .body("rejected[0].line", equalTo(9));
  }

  @Test
  void givenZipWithoutNetflixFile_history_is400() {
    given()
        .contentType("application/zip")
        .body(ExportZips.zip(Map.of("notes/readme.txt", new byte[] {'h', 'i'})))
        .post("/v1/users/{id}/history", "user-" + UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("error", containsString("the zip holds no Netflix export file"));
  }

  @Test
  void givenUnknownSignal_event_is400() {
    given()
        .contentType("application/json")
        .body(Map.of("title", "Dark", "signal", "ADORED"))
        .post("/v1/users/{id}/events", "user-" + UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("error", containsString("ADORED"));
  }

  @Test
  void givenOneEvent_event_isAccepted() {
    given()
        .contentType("application/json")
        .body(Map.of("titleId", "t-1", "signal", "liked", "occurredAt", "2024-05-06T19:29:13Z"))
        .post("/v1/users/{id}/events", "user-" + UUID.randomUUID())
        .then()
        .statusCode(202)
        .body("signal", equalTo("LIKED"))
        .body("titleId", equalTo("t-1"));
  }

  private static List<TasteSignalResolved> signals(String user) {
    TasteSignalResolved liked =
        resolved(
            user, "e-liked", "t-liked", Signal.LIKED, null, "2024-01-01T10:00:00Z", 1, 0, 0, 0);
    return List.of(
        resolved(
            user, "e-loved", "t-loved", Signal.LOVED, null, "2024-04-01T10:00:00Z", 1, 1, 0, 0),
        liked,
        resolved(
            user, "e-w1", "t-series", Signal.WATCHED, 3000L, "2024-02-01T20:00:00Z", 0, 1, 0, 0),
        liked,
        resolved(
            user, "e-w2", "t-series", Signal.WATCHED, 600L, "2024-02-02T20:00:00Z", 0, 1, 0, 0),
        new TasteSignalResolved(
            TasteSignalResolved.SCHEMA_VERSION,
            "e-unresolved",
            user,
            "Anna",
            false,
            null,
            null,
            "Rough Diamonds: Aflevering 8",
            null,
            Signal.WATCHED,
            null,
            Instant.parse("2023-06-27T00:00:00Z"),
            "NetflixViewingHistory.csv:3",
            MODEL,
            null),
        resolved(
            user, "e-dis", "t-dis", Signal.DISLIKED, null, "2024-03-01T10:00:00Z", 0, 0, 1, 0));
  }

  private static TasteSignalResolved resolved(
      String user,
      String eventId,
      String titleId,
      Signal signal,
      Long seconds,
      String at,
      float... vector) {
    return new TasteSignalResolved(
        TasteSignalResolved.SCHEMA_VERSION,
        eventId,
        user,
        "Anna",
        true,
        titleId,
        titleId,
        null,
        List.of("Drama"),
        signal,
        seconds,
        Instant.parse(at),
        "test",
        MODEL,
        normalise(vector));
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / Math.sqrt(norm));
    }
    return out;
  }

  private void send(String user, List<TasteSignalResolved> signals) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (TasteSignalResolved s : signals) {
        producer
            .send(new ProducerRecord<>(Topics.TASTE_SIGNALS, user, json.writeValueAsString(s)))
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TasteSignalsFlowTest.class.getResourceAsStream("/exports/" + name)) {
      return in.readAllBytes();
    }
  }

  private static long countOf(String user, String signal) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Integer count = r.path("counts." + signal);
    return count == null ? 0 : count;
  }

  private static boolean allApplied(String user) {
    return countOf(user, "LIKED") == 1
        && countOf(user, "WATCHED") == 2
        && countOf(user, "LOVED") == 1
        && countOf(user, "DISLIKED") == 1;
  }

  private static long unresolvedCount(String user) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    List<Object> unresolved = r.path("unresolved");
    return unresolved == null ? 0 : unresolved.size();
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 90 s");
      }
      Thread.sleep(200);
    }
  }
}
