package dev.moviedb.taste.adapter.in.messaging;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.events.FeedbackKind;
import dev.moviedb.events.TitleType;
import dev.moviedb.events.Topics;
import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.taste.testing.Topic;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback becomes taste over a real broker and a real Redis: likes and dislikes published on
 * {@code user.feedback} (as recommend-api publishes them) show in the user's profile; impressions
 * and clicks do not; feedback delivered twice counts once; unusable feedback goes to the
 * dead-letter topic with the reason.
 */
@QuarkusTest
@WithKafkaAndRedis
class FeedbackToTasteTest {

  private static final String DLQ = Topics.FEEDBACK + Topics.DEAD_LETTER_SUFFIX;

  /** These tests read profiles as an admin; the access rules have their own test. */
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

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void givenLikeAndDislikeOfCatalogueTitles_profile_countsThemByName_andIgnoresImpressions()
      throws Exception {
    Topic topic = new Topic(bootstrap);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String liked = "Shield Wall " + run;
    String disliked = "Soap Bubbles " + run;
    topic.title("t:wall-" + run, TitleType.SERIES, liked, List.of("History"));
    topic.title("t:soap-" + run, TitleType.SERIES, disliked, List.of("Comedy"));
    await(
        "the titles known",
        () -> resolver.resolve(liked).isPresent() && resolver.resolve(disliked).isPresent());
    String user = "fan-" + run;
    FeedbackGiven like = feedback(user, FeedbackKind.LIKE, "t:wall-" + run);

    send(topic, feedback(user, FeedbackKind.IMPRESSION, "t:wall-" + run));
    send(topic, feedback(user, FeedbackKind.CLICK, "t:wall-" + run));
    send(topic, like);
    send(topic, like); // delivered twice: applied once
    send(topic, feedback(user, FeedbackKind.DISLIKE, "t:soap-" + run));

    await("the like and the dislike in the profile", () -> count(user, "DISLIKED") == 1);
    Response profile = given().get("/v1/users/{id}/profile", user);
    assertThat(profile.<Integer>path("counts.LIKED")).isEqualTo(1);
    assertThat(profile.<Integer>path("counts.DISLIKED")).isEqualTo(1);
    assertThat(profile.<java.util.Map<String, Integer>>path("counts"))
        .as("impressions and clicks are not taste")
        .containsOnlyKeys("LIKED", "DISLIKED");
    assertThat(profile.asString()).contains(liked).contains(disliked);

    // The user's export shows the feedback the topic holds under their key.
    List<String> kinds =
        given()
            .get("/v1/users/{id}/export", user)
            .then()
            .statusCode(200)
            .extract()
            .path("feedback.value.kind");
    assertThat(kinds).containsExactly("IMPRESSION", "CLICK", "LIKE", "LIKE", "DISLIKE");
  }

  @Test
  void givenErasure_aLikeGivenBeforeIt_staysGone_evenWhenItArrivesAfter() throws Exception {
    Topic topic = new Topic(bootstrap);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String before = "Old Flame " + run;
    String after = "New Leaf " + run;
    topic.title("t:old-" + run, TitleType.MOVIE, before, List.of("Drama"));
    topic.title("t:new-" + run, TitleType.MOVIE, after, List.of("Drama"));
    await(
        "the titles known",
        () -> resolver.resolve(before).isPresent() && resolver.resolve(after).isPresent());
    String user = "gone-" + run;
    long likedAt = System.currentTimeMillis() - 60_000;
    given().delete("/v1/users/{id}", user).then().statusCode(200);

    // A like published a minute before the erasure, read only now (a slow consumer, a replay).
    FeedbackGiven old = feedback(user, FeedbackKind.LIKE, "t:old-" + run);
    topic.send(Topics.FEEDBACK, user, Topic.JSON.writeValueAsBytes(old), likedAt);
    send(topic, feedback(user, FeedbackKind.LIKE, "t:new-" + run));

    await("the like after the erasure", () -> count(user, "LIKED") >= 1);
    Response profile = given().get("/v1/users/{id}/profile", user);
    assertThat(profile.<Integer>path("counts.LIKED")).isEqualTo(1);
    assertThat(profile.asString()).contains(after).doesNotContain(before);
  }

  @Test
  void givenLikeWithoutUser_orUnreadableFeedback_deadLettersIt_withTheReason() throws Exception {
    Topic topic = new Topic(bootstrap);
    String key = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    FeedbackGiven anonymousLike = feedback(null, FeedbackKind.LIKE, "t:whatever");

    topic.send(Topics.FEEDBACK, key, Topic.JSON.writeValueAsBytes(anonymousLike), null);
    topic.send(Topics.FEEDBACK, key, "{not json".getBytes(StandardCharsets.UTF_8), null);

    await("two dead letters", () -> topic.readAll(DLQ, key::equals).size() >= 2);
    List<ConsumerRecord<String, byte[]>> dead = topic.readAll(DLQ, key::equals);
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), UTF))
        .anySatisfy(reason -> assertThat(reason).contains("without a userId"));
  }

  private static final java.nio.charset.Charset UTF = StandardCharsets.UTF_8;

  private static FeedbackGiven feedback(String user, FeedbackKind kind, String titleId) {
    return new FeedbackGiven(
        FeedbackGiven.SCHEMA_VERSION,
        UUID.randomUUID().toString(),
        user,
        kind,
        titleId,
        null,
        "list-1",
        "control",
        "baseline",
        1,
        Instant.now(),
        "web");
  }

  private static void send(Topic topic, FeedbackGiven f) throws Exception {
    topic.send(Topics.FEEDBACK, f.userId(), Topic.JSON.writeValueAsBytes(f), null);
  }

  private static long count(String user, String signal) {
    Response r = given().get("/v1/users/{id}/profile", user);
    if (r.statusCode() != 200) {
      return -1;
    }
    Integer count = r.path("counts." + signal);
    return count == null ? 0 : count;
  }
}
