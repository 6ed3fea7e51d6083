package dev.moviedb.taste.adapter.in.rest;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.events.Topics;
import dev.moviedb.taste.testing.Topic;
import dev.moviedb.tastestate.TasteKeys;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user takes their data out and has it erased for good: the export holds everything stored about
 * them, and after an erasure a replay of the user topics brings nothing back, nor does any Redis
 * key hold anything of theirs but the time of the erasure.
 */
@QuarkusTest
@WithKafkaAndRedis
class EraseAndExportTest {

  private static final String HISTORY =
      "Title,Date\n"
          + "\"Signs Nowhere: Season 1: Episode 1\",\"01/02/2024\"\n"
          + "\"Signs Nowhere: Season 1: Episode 2\",\"02/02/2024\"\n"
          + "\"Harbour of Nothing\",\"03/02/2024\"\n";

  @Inject Redis redis;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private Topic topic;

  @BeforeEach
  void ready() throws Exception {
    topic = new Topic(bootstrap);
    await("the service is ready", () -> given().get("/q/health/ready").statusCode() == 200);
  }

  @Test
  void export_holdsTheTasteEveryStoredKeyTheKeptEventsAndWhatTheTopicsHold() throws Exception {
    String user = "export-" + UUID.randomUUID().toString().substring(0, 8);
    upload(user).then().statusCode(200);
    await("history kept", () -> unresolved(user) == 3);
    topic.send(Topics.WATCH_EVENTS, user, "not json".getBytes(StandardCharsets.UTF_8), null);
    await("the bad record dead-lettered", () -> export(user).path("deadLetters").size() == 1);

    JsonNode export = export(user);

    assertThat(export.path("userId").asText()).isEqualTo(user);
    assertThat(export.path("stored").has(TasteKeys.pending(user))).isTrue();
    assertThat(export.path("stored").has(TasteKeys.applied(user))).isTrue();
    assertThat(export.path("pendingEvents")).hasSize(3);
    assertThat(export.path("waitingFor").toString()).contains("signs nowhere");
    assertThat(export.path("taste").path("unresolved").toString()).contains("Harbour of Nothing");
    List<String> onTopic = new ArrayList<>();
    export.path("watchEvents").forEach(r -> onTopic.add(r.path("value").path("rawTitle").asText()));
    assertThat(onTopic)
        .as("the raw events the topic holds for the user")
        .contains("Signs Nowhere: Season 1: Episode 1", "Harbour of Nothing");
    assertThat(export.path("deadLetters").get(0).path("value").asText()).isEqualTo("not json");
    assertThat(export.path("deadLetters").get(0).path("headers").toString())
        .contains("dead-letter-reason");
    assertThat(export.path("notes").toString()).contains("28");
  }

  @Test
  void givenErasure_replayOfTheTopics_bringsNothingBack_andNoKeyHoldsTheUser() throws Exception {
    String user = "erase-" + UUID.randomUUID().toString().substring(0, 8);
    upload(user).then().statusCode(200);
    await("history kept", () -> unresolved(user) == 3);
    assertThat(keysHolding(user)).isNotEmpty();

    Response deleted =
        given().header("Authorization", TestIssuer.bearer(user)).delete("/v1/users/{u}", user);
    deleted.then().statusCode(200);
    assertThat(deleted.jsonPath().getList("removedKeys", String.class))
        .contains(TasteKeys.pending(user), TasteKeys.unresolved(user));
    assertThat(keysHolding(user))
        .as("right after the erasure: only its marker, which holds a time")
        .containsExactly(TasteKeys.erased(user));

    List<ConsumerRecord<String, byte[]>> records = topic.readAll(Topics.WATCH_EVENTS, user::equals);
    assertThat(records)
        .as("the erasure is a tombstone behind the user's events")
        .last()
        .satisfies(
            t -> {
              assertThat(t.value()).isNull();
              assertThat(t.headers().lastHeader(Topics.ERASED_AT_HEADER)).isNotNull();
            });

    // A replay: every record of the user again, as a restore or a mirror would write them, then
    // an event of another user on the same partition, behind which the replay has been read.
    for (ConsumerRecord<String, byte[]> r : records) {
      topic.send(Topics.WATCH_EVENTS, r.key(), r.value(), r.timestamp(), r.headers());
    }
    String neighbour = sameePartitionAs(user);
    given()
        .header("Authorization", TestIssuer.bearer(neighbour))
        .contentType("application/json")
        .body("{\"title\":\"Neighbour Title\",\"signal\":\"LIKED\"}")
        .post("/v1/users/{u}/events", neighbour)
        .then()
        .statusCode(202);
    await("the replay read", () -> unresolved(neighbour) == 1);

    assertThat(keysHolding(user)).containsExactly(TasteKeys.erased(user));
    given()
        .header("Authorization", TestIssuer.bearer(user))
        .get("/v1/users/{u}/profile", user)
        .then()
        .statusCode(404);
    JsonNode export = export(user);
    assertThat(export.path("stored").size()).isEqualTo(1);
    assertThat(export.path("pendingEvents")).isEmpty();
  }

  private static Response upload(String user) {
    return given()
        .header("Authorization", TestIssuer.bearer(user))
        .contentType("text/csv")
        .body(HISTORY)
        .post("/v1/users/{u}/history", user);
  }

  private static JsonNode export(String user) {
    Response r =
        given().header("Authorization", TestIssuer.bearer(user)).get("/v1/users/{u}/export", user);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    try {
      return Topic.JSON.readTree(r.asString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long unresolved(String user) {
    Response r =
        given()
            .header("Authorization", TestIssuer.bearerAdmin())
            .get("/v1/users/{u}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    List<Integer> counts = r.path("unresolved.count");
    return counts.stream().mapToLong(Integer::longValue).sum();
  }

  /** A user id whose events land on the same partition of user.watch-events as the user's. */
  private static String sameePartitionAs(String user) {
    int partition = partition(user);
    for (int i = 0; ; i++) {
      String candidate = "neighbour-" + UUID.randomUUID().toString().substring(0, 8) + i;
      if (partition(candidate) == partition) {
        return candidate;
      }
    }
  }

  private static int partition(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
  }

  /** Every key of Redis whose name, members or values hold the user id (a full key scan). */
  private List<String> keysHolding(String user) {
    List<String> found = new ArrayList<>();
    String cursor = "0";
    do {
      var page =
          redis
              .send(Request.cmd(Command.SCAN).arg(cursor).arg("COUNT").arg(1000))
              .await()
              .indefinitely();
      cursor = page.get(0).toString();
      for (var k : page.get(1)) {
        String key = k.toString();
        String type =
            redis.send(Request.cmd(Command.TYPE).arg(key)).await().indefinitely().toString();
        Command read =
            switch (type) {
              case "hash" -> Command.HGETALL;
              case "set" -> Command.SMEMBERS;
              case "string" -> Command.GET;
              case "zset" -> Command.ZRANGE;
              default -> null;
            };
        String content = "";
        if (read == Command.ZRANGE) {
          content =
              String.valueOf(
                  redis.send(Request.cmd(read).arg(key).arg(0).arg(-1)).await().indefinitely());
        } else if (read != null) {
          content = String.valueOf(redis.send(Request.cmd(read).arg(key)).await().indefinitely());
        }
        if (key.contains(user) || content.contains(user)) {
          found.add(key);
        }
      }
    } while (!"0".equals(cursor));
    return found;
  }
}
