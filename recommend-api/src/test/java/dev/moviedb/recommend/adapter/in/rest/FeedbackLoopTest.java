package dev.moviedb.recommend.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.moviedb.events.FeedbackGiven;
import dev.moviedb.events.FeedbackKind;
import dev.moviedb.events.Topics;
import dev.moviedb.recommend.domain.Experiment;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The feedback loop over a real Kafka broker and a real Redis: an answer names its variant and
 * list, feedback on its titles goes to {@code user.feedback}, and acceptance per variant is counted
 * from that topic into Prometheus and {@code GET /v1/metrics/acceptance}. The experiment here has
 * two variants, configured as an operator would.
 */
@QuarkusTest
@WithKafkaAndRedis
@QuarkusTestResource(value = SmallCatalogue.class, restrictToAnnotatedClass = true)
@TestProfile(FeedbackLoopTest.TwoVariants.class)
class FeedbackLoopTest {

  /** An A/B test configured in properties only: control, and a variant that favours the words. */
  public static class TwoVariants implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "moviedb.experiment.name", "words-" + UUID.randomUUID().toString().substring(0, 8),
          "moviedb.experiment.variants.control.weight", "1",
          "moviedb.experiment.variants.words-first.weight", "1",
          "moviedb.experiment.variants.words-first.alpha", "0.9",
          "moviedb.experiment.variants.words-first.diversity", "0.1");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  @Inject Experiment experiment;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void aSignedInUser_isServedTheirVariant_withItsKnobs_andEveryUserGetsOneOfTheTwo() {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String user = "ab-user-" + i;
      JsonPath answer =
          given()
              .header("Authorization", TestIssuer.bearer(user))
              .get("/v1/recommendations?q=vikings&userId=" + user)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String variant = answer.getString("meta.variant");
      assertThat(variant).isEqualTo(experiment.assign(user).name());
      assertThat(answer.getString("meta.experiment")).isEqualTo(experiment.name());
      // a user without a taste ranks by the words alone (alpha 1): the diversity tells them apart
      assertThat(answer.getDouble("meta.diversity"))
          .isEqualTo(variant.equals("words-first") ? 0.1 : 0.3);
      seen.add(variant);
    }
    assertThat(seen).contains("control", "words-first");
  }

  @Test
  void anonymousAndExplicitRequests_areOutsideTheTest_andSaySo() {
    given()
        .get("/v1/recommendations?q=vikings")
        .then()
        .statusCode(200)
        .body("meta.variant", equalTo(Experiment.ANONYMOUS))
        .body("meta.listId", matchesPattern("[0-9a-f-]{36}"));
    given()
        .header("Authorization", TestIssuer.bearer("ab-user-1"))
        .get("/v1/recommendations?q=vikings&userId=ab-user-1&diversity=0.7")
        .then()
        .statusCode(200)
        .body("meta.variant", equalTo(Experiment.EXPLICIT))
        .body("meta.diversity", equalTo(0.7f));
  }

  @Test
  void feedbackOnAList_reachesTheTopic_andIsCountedForItsVariant_inPrometheusAndTheReport()
      throws Exception {
    String user = "fb-" + UUID.randomUUID().toString().substring(0, 8);
    String variant = experiment.assign(user).name();
    JsonPath answer =
        given()
            .header("Authorization", TestIssuer.bearer(user))
            .get("/v1/recommendations?q=vikings&limit=3&userId=" + user)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String listId = answer.getString("meta.listId");
    List<String> ids = answer.getList("items.titleId");
    long impressionsBefore = count(variant, "impressions");
    long likesBefore = count(variant, "likes");

    given()
        .header("Authorization", TestIssuer.bearer(user))
        .contentType("application/json")
        .body(
            Map.of(
                "userId", user,
                "listId", listId,
                "variant", variant,
                "source", "web",
                "events",
                    List.of(
                        Map.of("kind", "IMPRESSION", "titleId", ids.get(0), "position", 1),
                        Map.of("kind", "IMPRESSION", "titleId", ids.get(1), "position", 2),
                        Map.of("kind", "click", "titleId", ids.get(1), "position", 2),
                        Map.of("kind", "LIKE", "titleId", ids.get(1), "position", 2))))
        .post("/v1/feedback")
        .then()
        .statusCode(202)
        .body("accepted", equalTo(4))
        .body("variant", equalTo(variant));

    List<ConsumerRecord<String, String>> onTopic = records(user, 4);
    assertThat(onTopic).extracting(ConsumerRecord::key).containsOnly(user);
    FeedbackGiven like =
        onTopic.stream()
            .map(r -> read(r.value()))
            .filter(f -> f.kind() == FeedbackKind.LIKE)
            .findFirst()
            .orElseThrow();
    assertThat(like.titleId()).isEqualTo(ids.get(1));
    assertThat(like.title()).isEqualTo(answer.getString("items[1].title"));
    assertThat(like.listId()).isEqualTo(listId);
    assertThat(like.experiment()).isEqualTo(experiment.name());
    assertThat(like.source()).isEqualTo("web");

    await(() -> count(variant, "impressions") == impressionsBefore + 2);
    assertThat(count(variant, "likes")).isEqualTo(likesBefore + 1);
    JsonPath report =
        admin().get("/v1/metrics/acceptance").then().statusCode(200).extract().jsonPath();
    assertThat(report.getString("experiment")).isEqualTo(experiment.name());
    assertThat(report.getList("variants.variant")).startsWith("control", "words-first");
    assertThat(report.getDouble("variants.find { it.variant == 'words-first' }.knobs.alpha"))
        .isEqualTo(0.9);
    assertThat(report.getDouble("variants.find { it.variant == 'control' }.share")).isEqualTo(0.5);
    given()
        .get("/q/metrics")
        .then()
        .body(
            containsString(
                "moviedb_feedback_total{experiment=\""
                    + experiment.name()
                    + "\",kind=\"like\",variant=\""
                    + variant
                    + "\"}"));
  }

  @Test
  void rates_areClicksAndLikesPerImpression() {
    String before = experiment.name();
    for (int i = 0; i < 4; i++) {
      given()
          .contentType("application/json")
          .body(
              Map.of(
                  "variant",
                  Experiment.ANONYMOUS,
                  "events",
                  List.of(
                      Map.of("kind", "IMPRESSION", "titleId", "t1"),
                      Map.of("kind", "IMPRESSION", "titleId", "t2"))))
          .post("/v1/feedback")
          .then()
          .statusCode(202);
    }
    given()
        .contentType("application/json")
        .body(Map.of("events", List.of(Map.of("kind", "CLICK", "titleId", "t2"))))
        .post("/v1/feedback")
        .then()
        .statusCode(202)
        .body("variant", equalTo(Experiment.ANONYMOUS));

    await(
        () ->
            count(Experiment.ANONYMOUS, "clicks") >= 1
                && count(Experiment.ANONYMOUS, "impressions") >= 8);
    JsonPath report =
        admin().get("/v1/metrics/acceptance?experiment=" + before).then().extract().jsonPath();
    String anonymous = "variants.find { it.variant == 'anonymous' }";
    long impressions = report.getLong(anonymous + ".impressions");
    long clicks = report.getLong(anonymous + ".clicks");
    assertThat(report.getDouble(anonymous + ".clickThroughRate.value"))
        .isEqualTo(Math.round(clicks * 10_000.0 / impressions) / 10_000.0);
    assertThat(report.getDouble(anonymous + ".clickThroughRate.low"))
        .isLessThan(report.getDouble(anonymous + ".clickThroughRate.value"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{\"events\":[{\"kind\":\"LIKE\",\"titleId\":\"t1\"}]} | userId | needs a signed-in user",
        "{\"events\":[{\"kind\":\"CLICK\",\"titleId\":\"nope\"}]} | events[0].titleId | 'nope' is not in the catalogue",
        "{\"variant\":\"zzz\",\"events\":[{\"kind\":\"CLICK\",\"titleId\":\"t1\"}]} | variant | 'zzz' is not a variant of experiment",
        "{\"events\":[]} | events | size must be between 1 and 100",
        "{\"events\":[{\"kind\":\"STARE\",\"titleId\":\"t1\"}]} | events[0].kind | STARE",
        "{\"userId\":\"a b\",\"events\":[{\"kind\":\"CLICK\",\"titleId\":\"t1\"}]} | userId | letters, digits"
      })
  void badFeedback_isAProblemNamingTheField(String body, String field, String detail) {
    given()
        .contentType("application/json")
        .body(body)
        .post("/v1/feedback")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("field", equalTo(field))
        .body("detail", containsString(detail));
  }

  @Test
  void filters_listWhatTheCatalogueHolds() {
    given()
        .get("/v1/filters")
        .then()
        .statusCode(200)
        .body("genres", org.hamcrest.Matchers.contains("Action", "Drama", "History"))
        .body("services[0].service", equalTo("netflix"))
        .body("services[0].countries", org.hamcrest.Matchers.contains("NL"))
        .body("types", org.hamcrest.Matchers.contains("MOVIE", "SERIES"));
  }

  @Test
  void thePage_isServedAtTheRoot_withItsScriptsAndNoOtherOrigin() {
    String page =
        given()
            .get("/")
            .then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .extract()
            .asString();
    assertThat(page)
        .contains("<input id=\"q\" name=\"q\" type=\"search\"")
        .contains("src=\"app.js\"")
        .doesNotContain("http://", "https://");
    given().get("/app.js").then().statusCode(200);
    given().get("/i18n.js").then().statusCode(200).body(containsString("nl:"));
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().header("Authorization", TestIssuer.bearerAdmin());
  }

  private long count(String variant, String what) {
    JsonPath report = admin().get("/v1/metrics/acceptance").then().extract().jsonPath();
    Object n = report.get("variants.find { it.variant == '" + variant + "' }." + what);
    return n == null ? 0 : ((Number) n).longValue();
  }

  private List<ConsumerRecord<String, String>> records(String key, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.FEEDBACK));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(r.key())) {
            found.add(r);
          }
        }
      }
    }
    assertThat(found).hasSize(expected);
    return found;
  }

  private static FeedbackGiven read(String json) {
    try {
      return JSON.readValue(json, FeedbackGiven.class);
    } catch (Exception e) {
      throw new AssertionError("not a FeedbackGiven: " + json, e);
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
