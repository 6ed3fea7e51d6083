package dev.moviedb.taste.adapter.in.messaging;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.Signal;
import dev.moviedb.events.Topics;
import dev.moviedb.events.WatchRecorded;
import dev.moviedb.infra.LocalRedis;
import dev.moviedb.taste.testing.Topic;
import dev.moviedb.testing.SharedInfra;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison watch events over a real broker: a record that cannot be read and an event that cannot be
 * applied go to {@code user.watch-events.dlq} with the reason and where they came from, and the
 * events around them are applied. An outage is not poison: with Redis stopped the consumer waits
 * (readiness DOWN) and applies every event exactly once when Redis is back.
 */
@QuarkusTest
@WithKafkaAndRedis
class PoisonWatchEventsTest {

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

  private static final String DLQ = Topics.WATCH_EVENTS + Topics.DEAD_LETTER_SUFFIX;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void givenPoisonAndInvalidEventsAmongGoodOnes_consumer_deadLettersThemAndAppliesTheRest()
      throws Exception {
    Topic topic = new Topic(bootstrap);
    String user = "user-" + UUID.randomUUID();
    byte[] poison = "not json at all".getBytes(StandardCharsets.UTF_8);
    WatchRecorded noSignal = event(user, "e-invalid", null);
    WatchRecorded good = event(user, "e-good", Signal.LIKED);

    topic.send(Topics.WATCH_EVENTS, user, poison, null);
    topic.send(Topics.WATCH_EVENTS, user, Topic.JSON.writeValueAsBytes(noSignal), null);
    topic.events(List.of(good));

    await(
        "the good event applied and two dead letters",
        () -> liked(user) == 1 && topic.readAll(DLQ, user::equals).size() >= 2);

    List<ConsumerRecord<String, byte[]>> dead = topic.readAll(DLQ, user::equals);
    assertThat(dead)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(header(r, "dead-letter-topic")).isEqualTo(Topics.WATCH_EVENTS);
              assertThat(header(r, "dead-letter-offset")).matches("\\d+");
            });
    ConsumerRecord<String, byte[]> unreadable =
        dead.stream()
            .filter(r -> new String(r.value()).equals("not json at all"))
            .findFirst()
            .get();
    assertThat(header(unreadable, "dead-letter-reason")).contains("JsonParseException");
    ConsumerRecord<String, byte[]> invalid =
        dead.stream().filter(r -> r != unreadable).findFirst().get();
    assertThat(header(invalid, "dead-letter-reason"))
        .isEqualTo("watch event e-invalid has no signal");
    assertThat(header(invalid, "dead-letter-exception-class-name"))
        .isEqualTo(IllegalArgumentException.class.getName());
    WatchRecorded kept = Topic.JSON.readValue(invalid.value(), WatchRecorded.class);
    assertThat(kept.eventId()).isEqualTo("e-invalid");
    assertThat(kept.userId()).isEqualTo(user);
  }

  @Test
  void givenRedisDownWhileEventsArrive_consumer_isNotReady_andAppliesEachEventOnceWhenItIsBack()
      throws Exception {
    Topic topic = new Topic(bootstrap);
    String user = "outage-" + UUID.randomUUID();
    topic.events(List.of(likedEvent(user, "e-0")));
    await("the first event applied", () -> liked(user) == 1);

    LocalRedis redis = SharedInfra.redis();
    saveAndStop(redis);
    try {
      topic.events(IntStream.rangeClosed(1, 40).mapToObj(i -> likedEvent(user, "e-" + i)).toList());
      await(
          "readiness DOWN while Redis is down",
          () ->
              "DOWN"
                  .equals(
                      consumption()
                          .path("checks.find { it.name == 'watch-event-consumption' }.status")));
      Thread.sleep(3_000);
      assertThat(topic.readAll(DLQ, user::equals)).as("dead letters during the outage").isEmpty();
    } finally {
      redis.start();
    }

    await("all 41 events applied", () -> liked(user) == 41);
    await(
        "readiness UP again",
        () ->
            "UP"
                .equals(
                    consumption()
                        .path("checks.find { it.name == 'watch-event-consumption' }.status")));
    topic.events(List.of(likedEvent(user, "e-7"), likedEvent(user, "e-40")));
    await("the redelivered events seen", () -> liked(user) >= 41);
    Thread.sleep(1_000);
    assertThat(liked(user)).as("each event counted once").isEqualTo(41);
    assertThat(topic.readAll(DLQ, user::equals)).isEmpty();
  }

  private static Response consumption() {
    return given().get("/q/health/ready");
  }

  /** Writes Redis' data to disk (the restarted server loads it) and stops the server. */
  private static void saveAndStop(LocalRedis redis) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", redis.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("SAVE\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
    }
    redis.close();
  }

  private static WatchRecorded likedEvent(String user, String id) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        id,
        user,
        null,
        "t:x",
        null,
        Signal.LIKED,
        null,
        Instant.parse("2024-05-06T19:29:13Z"),
        "test",
        "X",
        List.of(),
        null);
  }

  private static WatchRecorded event(String user, String id, Signal signal) {
    return new WatchRecorded(
        WatchRecorded.SCHEMA_VERSION,
        id,
        user,
        null,
        "t:x",
        null,
        signal,
        null,
        Instant.parse("2024-05-06T19:29:13Z"),
        "test",
        "X",
        List.of(),
        null);
  }

  private static long liked(String user) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Integer n = r.path("counts.LIKED");
    return n == null ? 0 : n;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
