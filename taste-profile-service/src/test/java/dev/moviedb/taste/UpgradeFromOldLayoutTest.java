package dev.moviedb.taste;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.moviedb.events.Signal;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.taste.testing.Topic;
import dev.moviedb.tastestate.TasteKeys;
import dev.moviedb.testing.SharedInfra;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stack of an earlier release: Redis holds the old layout (vectors per title, summed vectors, a
 * model id; one user's history wiped by a model switch, one user erased) and {@code
 * user.watch-events} holds the raw events of schema 1. The first start of this release rebuilds
 * every user from the topic, in the new layout, and keeps the erased user erased.
 */
@QuarkusTest
@WithKafkaAndRedis
@TestProfile(UpgradeFromOldLayoutTest.OldStack.class)
class UpgradeFromOldLayoutTest {

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

  /** A profile of its own: the application starts after the old stack was written. */
  public static class OldStack implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OldStackWriter.class));
    }
  }

  @ConfigProperty(name = "moviedb.test.old-stack-run")
  String run;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Inject RedisDataSource redis;

  @Test
  void firstStart_rebuildsEveryUserFromTheTopic_keepsErasedUsersErased_andLeavesNoOldKey()
      throws Exception {
    String kept = "kept-" + run;
    String wiped = "wiped-" + run;
    String erased = "erased-" + run;
    await("the service is ready", () -> given().get("/q/health/ready").statusCode() == 200);
    await("both users rebuilt", () -> watched(kept) == 3 && watched(wiped) == 3);

    for (String user : List.of(kept, wiped)) {
      given()
          .get("/v1/users/{id}/profile", user)
          .then()
          .statusCode(200)
          .body("counts.WATCHED", equalTo(3))
          .body("counts.LIKED", equalTo(1))
          .body("topTitles.title", containsInAnyOrder("Old Kingdom " + run, "Old Longships " + run))
          .body("unresolved[0].rawTitle", equalTo("Gone Show " + run + ": Aflevering 1"));
    }
    assertThat(redis.key().keys("moviedb:user:*" + run + "}:*")).as("old keys").isEmpty();
    assertThat(redis.value(String.class).get(TasteKeys.LAYOUT)).isEqualTo(TasteKeys.LAYOUT_VERSION);

    // One new event behind the erased user's old ones on their partition: once it is in, the old
    // ones were read, and they were not applied.
    new Topic(bootstrap)
        .events(
            List.of(OldStackWriter.event(erased, "e-new", "Old Kingdom " + run, Signal.LIKED, 2)));
    await("the erased user's new event", () -> liked(erased) == 1);
    given()
        .get("/v1/users/{id}/profile", erased)
        .then()
        .body("counts", equalTo(Map.of("LIKED", 1)))
        .body("unresolved.size()", equalTo(0));
  }

  private static long watched(String user) {
    return count(user, "WATCHED");
  }

  private static long liked(String user) {
    return count(user, "LIKED");
  }

  private static long count(String user, String signal) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Integer n = r.path("counts." + signal);
    return n == null ? 0 : n;
  }

  /**
   * Writes what an earlier release left behind, before the application starts: catalogue titles,
   * raw watch events of three users, and the old Redis layout for two of them (the third was
   * erased). The upgrade runs only where the layout marker is absent, as on a stack of an earlier
   * release: the marker of the tests before is removed.
   */
  public static class OldStackWriter implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
      String run = UUID.randomUUID().toString().substring(0, 8);
      try {
        Topic topic = new Topic(SharedInfra.kafka().bootstrapServers());
        topic.title("t:kingdom-" + run, TitleType.SERIES, "Old Kingdom " + run, List.of("Dramas"));
        topic.title(
            "t:longships-" + run, TitleType.SERIES, "Old Longships " + run, List.of("Action"));
        for (String user : List.of("kept-" + run, "wiped-" + run, "erased-" + run)) {
          topic.events(history(user, run));
        }
        writeOldLayout(run);
      } catch (Exception e) {
        throw new IllegalStateException("cannot write the old stack", e);
      }
      return Map.of("moviedb.test.old-stack-run", run);
    }

    @Override
    public void stop() {}

    static List<WatchRecorded> history(String user, String run) {
      return List.of(
          event(user, "e1", "Old Kingdom " + run + ": Season 1: Episode 1", Signal.WATCHED, 1),
          event(user, "e2", "Old Kingdom " + run + ": Season 1: Episode 2", Signal.WATCHED, 1),
          event(
              user, "e3", "Old Longships " + run + ": Seizoen 2: Aflevering 1", Signal.WATCHED, 1),
          event(user, "e4", "Old Longships " + run, Signal.LIKED, 1),
          event(user, "e5", "Gone Show " + run + ": Aflevering 1", Signal.WATCHED, 1));
    }

    static WatchRecorded event(String user, String id, String raw, Signal signal, int schema) {
      return new WatchRecorded(
          schema,
          id,
          user,
          "Anna",
          null,
          raw,
          signal,
          null,
          Instant.parse("2024-05-06T19:29:13Z"),
          "NetflixViewingHistory.csv:2",
          null,
          null,
          null);
    }

    /** The keys of the layout before issue 14, as its Lua script wrote them. */
    private static void writeOldLayout(String run) {
      Vertx vertx = Vertx.vertx();
      Redis client = Redis.createClient(vertx, SharedInfra.redis().url());
      try {
        send(client, Request.cmd(Command.DEL).arg(TasteKeys.LAYOUT));
        String vector = "[0.6,0.8,0,0]";
        // Kept: the whole history with vectors. Wiped: a model switch deleted everything but the
        // applied event ids and the last title.
        for (String user : List.of("kept-" + run, "wiped-" + run)) {
          String p = "moviedb:user:{" + user + "}:";
          boolean wiped = user.startsWith("wiped");
          send(
              client,
              Request.cmd(Command.SADD)
                  .arg(p + "events")
                  .arg("bge-small-en-v1.5-q|e1")
                  .arg("bge-small-en-v1.5-q|e2")
                  .arg("all-minilm-l6-v2-q|e3")
                  .arg("all-minilm-l6-v2-q|e4")
                  .arg("unresolved|e5"));
          send(
              client,
              Request.cmd(Command.HSET)
                  .arg(p + "taste")
                  .arg("model")
                  .arg("all-minilm-l6-v2-q")
                  .arg("dimension")
                  .arg("4")
                  .arg("pos")
                  .arg(vector)
                  .arg("count:WATCHED")
                  .arg(wiped ? "1" : "3")
                  .arg("count:LIKED")
                  .arg("1"));
          send(
              client,
              Request.cmd(Command.HSET)
                  .arg(p + "titles")
                  .arg("t:longships-" + run)
                  .arg("{\"p\":2.5,\"n\":0,\"v\":" + vector + "}"));
          if (!wiped) {
            send(
                client,
                Request.cmd(Command.HSET)
                    .arg(p + "titles")
                    .arg("t:kingdom-" + run)
                    .arg("{\"p\":2,\"n\":0,\"v\":" + vector + "}"));
          }
          send(client, Request.cmd(Command.SADD).arg(p + "watched").arg("t:longships-" + run));
          send(
              client,
              Request.cmd(Command.ZADD).arg(p + "liked").arg("2.5").arg("t:longships-" + run));
          send(
              client,
              Request.cmd(Command.HSET)
                  .arg(p + "unresolved")
                  .arg("Gone Show " + run + ": Aflevering 1")
                  .arg("1"));
        }
      } finally {
        client.close();
        vertx.closeAndAwait();
      }
    }

    private static void send(Redis client, Request request) {
      client.send(request).await().indefinitely();
    }
  }
}
