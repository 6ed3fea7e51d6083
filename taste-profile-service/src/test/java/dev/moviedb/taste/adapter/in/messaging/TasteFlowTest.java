package dev.moviedb.taste.adapter.in.messaging;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.moviedb.events.Signal;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.adapter.in.file.ExportZips;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.taste.testing.Topic;
import dev.moviedb.tastestate.TasteSnapshot;
import dev.moviedb.tastestate.TasteWeights;
import dev.moviedb.tastestate.redis.RedisTasteState;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The taste path over a real Kafka broker and a real Redis: titles come from {@code
 * catalog.titles}, histories are uploaded or published on {@code user.watch-events}, and what a
 * user sees is their profile.
 */
@QuarkusTest
@WithKafkaAndRedis
class TasteFlowTest {

  /** These tests act as an admin; the access rules have their own test (TasteAccessTest). */
  @BeforeEach
  void asAdmin() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("Authorization", TestIssuer.bearerAdmin()).build();
  }

  @AfterEach
  void anonymousAgain() {
    RestAssured.requestSpecification = null;
  }

  @Inject TitleResolver resolver;
  @Inject RedisTasteState state;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private Topic topic;
  private String run;

  @BeforeEach
  void ready() throws Exception {
    topic = new Topic(bootstrap);
    run = UUID.randomUUID().toString().substring(0, 8);
    await("the service is ready", () -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void givenUploadOfCatalogueTitles_profile_showsTheirNamesCountsAndWhatDidNotResolve()
      throws Exception {
    String harbour = "Harbour Lights " + run;
    String salt = "Salt Roads " + run;
    topic.title("t:harbour-" + run, TitleType.SERIES, harbour, List.of("Dramas"));
    topic.title("t:salt-" + run, TitleType.MOVIE, salt, List.of("Comedies"));
    awaitTitles(harbour, salt);
    String user = "user-" + UUID.randomUUID();
    byte[] csv =
        ("Title,Date\n"
                + "\""
                + harbour
                + ": Seizoen 1: Aflevering 2\",\"29-06-23\"\n"
                + "\""
                + harbour.replace("Lights", "Li\u00ADghts")
                + ": Seizoen 1: Aflevering 1\",\"28-06-23\"\n"
                + "\""
                + salt
                + "\",\"27-06-23\"\n"
                + "\"Nergens "
                + run
                + ": Aflevering 8\",\"26-06-23\"\n")
            .getBytes(StandardCharsets.UTF_8);

    upload(user, csv)
        .then()
        .statusCode(200)
        .body("eventsPublished", equalTo(4))
        .body("eventsResolved", equalTo(3))
        .body("unresolved[0].rawTitle", equalTo("Nergens " + run + ": Aflevering 8"));

    await("every event in the profile", () -> total(user) == 4);
    given()
        .get("/v1/users/{id}/profile", user)
        .then()
        .statusCode(200)
        .body("counts.WATCHED", equalTo(3))
        .body("titles", equalTo(2))
        .body("watchedTitles", equalTo(2))
        .body("topTitles.title", contains(harbour, salt))
        .body("topTitles[0].titleId", equalTo("t:harbour-" + run))
        .body("topGenres.genre", hasItem("Dramas"))
        .body("unresolved[0].rawTitle", equalTo("Nergens " + run + ": Aflevering 8"))
        .body("unresolved[0].count", equalTo(1))
        .body("updatedAt", equalTo("2023-06-29T00:00:00Z"));

    // The same file again, then one new event behind it on the user's partition: once the new
    // event is in, the repeated ones were seen, and they changed nothing.
    upload(user, csv).then().statusCode(200);
    recordEvent(user, Map.of("title", salt, "signal", "LIKED")).then().statusCode(202);
    await("the event behind the repeated upload", () -> count(user, "LIKED") == 1);
    assertThat(count(user, "WATCHED")).isEqualTo(3);
    assertThat(total(user)).isEqualTo(5);
  }

  @Test
  void givenTitleTheCatalogueGainsLater_keptHistory_resolvesAndIsPublishedResolved()
      throws Exception {
    String lanterns = "Lanterns " + run;
    String user = "user-" + UUID.randomUUID();
    upload(
            user,
            ("Title,Date\n\"" + lanterns + ": Seizoen 2: Aflevering 3\",\"14-03-21\"\n")
                .getBytes(StandardCharsets.UTF_8))
        .then()
        .statusCode(200)
        .body("eventsResolved", equalTo(0));
    await("kept unresolved", () -> unresolved(user) == 1);

    topic.title("t:lanterns-" + run, TitleType.SERIES, lanterns, List.of("Dramas"));

    await("resolved once the title arrived", () -> count(user, "WATCHED") == 1);
    given()
        .get("/v1/users/{id}/profile", user)
        .then()
        .body("unresolved.size()", equalTo(0))
        .body("topTitles[0].title", equalTo(lanterns));
    List<WatchRecorded> onTopic = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : topic.readAll(Topics.WATCH_EVENTS, user::equals)) {
      onTopic.add(Topic.JSON.readValue(r.value(), WatchRecorded.class));
    }
    assertThat(onTopic)
        .extracting(WatchRecorded::titleId, WatchRecorded::title)
        .containsExactly(tuple(null, null), tuple("t:lanterns-" + run, lanterns));
    assertThat(onTopic.get(1).eventId()).isEqualTo(onTopic.get(0).eventId());
  }

  @Test
  void givenShuffledReplayWithDuplicates_state_equalsTheOrderedReplay() throws Exception {
    String dark = "Dark " + run;
    topic.title("t:dark-" + run, TitleType.SERIES, dark, List.of("Sci-Fi"));
    awaitTitles(dark);
    String ordered = "user-" + UUID.randomUUID();
    String shuffled = "user-" + UUID.randomUUID();
    topic.events(history(ordered, dark));
    List<WatchRecorded> replay = new ArrayList<>(history(shuffled, dark));
    replay.addAll(history(shuffled, dark).subList(0, 4));
    Collections.shuffle(replay, new Random(42));
    topic.events(replay);

    await("both histories applied", () -> total(ordered) == 7 && total(shuffled) == 7);

    TasteWeights a = state.weights(ordered).orElseThrow();
    TasteWeights b = state.weights(shuffled).orElseThrow();
    assertThat(a.positive()).containsKey("t:dark-" + run);
    assertThat(b.watched()).isEqualTo(a.watched());
    assertThat(b.positive()).containsOnlyKeys(a.positive().keySet());
    a.positive().forEach((id, w) -> assertThat(b.positive().get(id)).isCloseTo(w, within(1e-9)));
    assertThat(b.negative()).containsOnlyKeys(a.negative().keySet());
    a.negative().forEach((id, w) -> assertThat(b.negative().get(id)).isCloseTo(w, within(1e-9)));
    TasteSnapshot sa = state.snapshot(ordered).orElseThrow();
    TasteSnapshot sb = state.snapshot(shuffled).orElseThrow();
    assertThat(sb.counts()).isEqualTo(sa.counts());
    assertThat(sb.unresolved()).isEqualTo(sa.unresolved()).hasSize(1);
    assertThat(sb.updatedAt()).isEqualTo(sa.updatedAt());
    assertThat(sb.titles())
        .extracting(t -> t.titleId(), t -> t.title(), t -> t.firstAt(), t -> t.lastAt())
        .containsExactlyElementsOf(
            sa.titles().stream()
                .map(t -> tuple(t.titleId(), t.title(), t.firstAt(), t.lastAt()))
                .toList());
  }

  @Test
  void givenErasure_userStaysGone_whenTheirOldEventsArePublishedAgain() throws Exception {
    String user = "user-" + UUID.randomUUID();
    topic.events(history(user, "Whatever " + run));
    await("history applied", () -> total(user) == 7);
    Instant beforeErasure = Instant.now().minusSeconds(1);

    given()
        .delete("/v1/users/{id}", user)
        .then()
        .statusCode(200)
        .body("removedKeys", hasItem("moviedb:taste:{" + user + "}:pos"));
    given().get("/v1/users/{id}/profile", user).then().statusCode(404);

    // A replay of the topic (a new consumer group, a rebuild) sees the old events again.
    for (WatchRecorded e : history(user, "Whatever " + run)) {
      topic.send(
          Topics.WATCH_EVENTS, user, Topic.JSON.writeValueAsBytes(e), beforeErasure.toEpochMilli());
    }
    recordEvent(user, Map.of("title", "After " + run, "signal", "LIKED")).then().statusCode(202);

    await("the event after the erasure", () -> unresolved(user) == 1);
    assertThat(total(user)).as("only the event after the erasure").isEqualTo(1);
  }

  @Test
  void givenKnownTitleId_event_isPublishedWithItsName() throws Exception {
    String name = "Paper Boats " + run;
    topic.title("t:boats-" + run, TitleType.MOVIE, name, List.of("Dramas"));
    awaitTitles(name);
    String user = "user-" + UUID.randomUUID();

    recordEvent(
            user,
            Map.of(
                "titleId",
                "t:boats-" + run,
                "signal",
                "liked",
                "occurredAt",
                "2024-05-06T19:29:13Z"))
        .then()
        .statusCode(202)
        .body("signal", equalTo("LIKED"))
        .body("titleId", equalTo("t:boats-" + run))
        .body("title", equalTo(name));
    await("the like in the profile", () -> count(user, "LIKED") == 1);
  }

  @Test
  void givenUnknownTitleId_event_is400NamingIt() {
    recordEvent("user-" + UUID.randomUUID(), Map.of("titleId", "t:none-" + run, "signal", "LIKED"))
        .then()
        .statusCode(400)
        .body("detail", containsString("t:none-" + run))
        .body("detail", containsString("not in the catalogue"));
  }

  @Test
  void givenUnknownSignal_event_is400() {
    recordEvent("user-" + UUID.randomUUID(), Map.of("title", "Dark", "signal", "ADORED"))
        .then()
        .statusCode(400)
        .body("detail", containsString("ADORED"));
  }

  @Test
  void givenUnknownUser_profile_is404() {
    given()
        .get("/v1/users/{id}/profile", "nobody-" + UUID.randomUUID())
        .then()
        .statusCode(404)
        .body("detail", containsString("no taste profile"));
  }

  @Test
  void givenUploadOver50Megabytes_history_isRefusedWithAMessage() {
    byte[] big = new byte[51 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    upload("user-" + UUID.randomUUID(), big).then().statusCode(413).body(containsString("50 MB"));
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
        .body("detail", containsString("[Anna, Bram]"));
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
        .body("detail", containsString("the zip holds no Netflix export file"));
  }

  /**
   * Seven events of one user: resolved ones (as the edge publishes them), a raw one of schema 1
   * that the consumer resolves itself, and one that resolves nowhere.
   */
  private static List<WatchRecorded> history(String user, String rawResolvable) {
    return List.of(
        resolved(user, "e-loved", "t:loved", Signal.LOVED, null, "2024-04-01T10:00:00Z"),
        resolved(user, "e-liked", "t:liked", Signal.LIKED, null, "2024-01-01T10:00:00Z"),
        resolved(user, "e-w1", "t:series", Signal.WATCHED, 3000L, "2024-02-01T20:00:00Z"),
        resolved(user, "e-w2", "t:series", Signal.WATCHED, 600L, "2024-02-02T20:00:00Z"),
        resolved(user, "e-dis", "t:dis", Signal.DISLIKED, null, "2024-03-01T10:00:00Z"),
        raw(user, "e-raw", rawResolvable + ": Season 1: Episode 2", "2024-03-02T10:00:00Z"),
        raw(user, "e-none", "Rough Diamonds Nowhere: Aflevering 8", "2023-06-27T00:00:00Z"));
  }

  private static WatchRecorded resolved(
      String user, String id, String titleId, Signal signal, Long seconds, String at) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        id,
        user,
        "Anna",
        titleId,
        null,
        signal,
        seconds,
        Instant.parse(at),
        "test",
        "Name of " + titleId,
        List.of("Dramas"),
        null);
  }

  private static WatchRecorded raw(String user, String id, String rawTitle, String at) {
    return new WatchRecorded(
        1,
        id,
        user,
        "Anna",
        null,
        rawTitle,
        Signal.WATCHED,
        null,
        Instant.parse(at),
        "test",
        null,
        null,
        null);
  }

  private void awaitTitles(String... names) throws InterruptedException {
    await(
        "the catalogue titles known",
        () -> List.of(names).stream().allMatch(n -> resolver.resolve(n).isPresent()));
  }

  private static Response upload(String user, byte[] csv) {
    return given().contentType("text/csv").body(csv).post("/v1/users/{id}/history", user);
  }

  private static Response recordEvent(String user, Map<String, String> body) {
    return given().contentType("application/json").body(body).post("/v1/users/{id}/events", user);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TasteFlowTest.class.getResourceAsStream("/exports/" + name)) {
      return in.readAllBytes();
    }
  }

  private static long count(String user, String signal) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Integer count = r.path("counts." + signal);
    return count == null ? 0 : count;
  }

  private static long unresolved(String user) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    List<Integer> counts = r.path("unresolved.count");
    return counts.stream().mapToLong(Integer::longValue).sum();
  }

  /** Events in the profile: counted per signal, or kept unresolved. */
  private static long total(String user) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Map<String, Integer> counts = r.path("counts");
    List<Integer> unresolved = r.path("unresolved.count");
    return counts.values().stream().mapToLong(Integer::longValue).sum()
        + unresolved.stream().mapToLong(Integer::longValue).sum();
  }
}
