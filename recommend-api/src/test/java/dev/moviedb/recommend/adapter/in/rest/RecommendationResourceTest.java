package dev.moviedb.recommend.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client gets: ranked titles, or for bad input a problem document (RFC 9457) that names the
 * parameter, never a stack trace. Runs against the real Redis, the real in-process model and a
 * small embedded index.
 */
@QuarkusTest
@WithKafkaAndRedis
@QuarkusTestResource(value = SmallCatalogue.class, restrictToAnnotatedClass = true)
class RecommendationResourceTest {

  @Inject Redis redis;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "limit=0 | limit | must be greater than or equal to 1",
        "limit=101 | limit | must be less than or equal to 100",
        "offset=-1 | offset | must be greater than or equal to 0",
        "type=podcast | type | must be movie or series",
        "country=Netherlands | country | two-letter country code",
        "alpha=1.5 | alpha | must be less than or equal to 1",
        "diversity=-0.1 | diversity | must be greater than or equal to 0",
        "minYear=2020&maxYear=2010 | minYear | is after maxYear",
        "maxRuntime=0 | maxRuntime | must be greater than or equal to 1",
        "language=dutch! | language | ISO 639",
        "userId=a b | userId | letters, digits",
        "limit=ten | limit | 'ten' is not a whole number",
        "alpha=NaN | alpha | 'NaN' is not a number",
        "genre=Nonexistent | genre | 'nonexistent' is not in the catalogue; known values: Action, Drama, History",
        "service=disney | service | 'disney' is not in the catalogue; known values: netflix",
        "country=DE | country | 'DE' is not in the catalogue; known values: NL"
      })
  void badParameter_getsAProblemNamingIt(String query, String parameter, String detail) {
    given()
        .get("/v1/recommendations?q=vikings&" + query)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("type", startsWith("urn:moviedb:problem:"))
        .body("parameter", equalTo(parameter))
        .body("detail", containsString(parameter))
        .body("detail", containsString(detail))
        .body("instance", equalTo("/v1/recommendations"));
  }

  @Test
  void leavingSoon_listsTheTitlesWhoseWindowEnds_soonestFirst() {
    given()
        .get("/v1/titles/leaving?service=netflix&country=NL&days=14")
        .then()
        .statusCode(200)
        .body("items.title", contains("Vikings"))
        .body("items[0].until", equalTo(LocalDate.now().plusDays(10).toString()))
        .body("meta.total", equalTo(1))
        .body("meta.days", equalTo(14));
    given()
        .get("/v1/titles/leaving?days=7")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("meta.services", contains("netflix"))
        .body("meta.country", equalTo("NL"));
  }

  @Test
  void newLately_listsTheTitlesWhoseWindowBegan_andBadWindowsAreNamed() {
    given()
        .get("/v1/titles/new")
        .then()
        .statusCode(200)
        .body("items.title", contains("The Last Kingdom"));
    given().get("/v1/titles/new?days=3").then().statusCode(200).body("items", empty());
    given().get("/v1/titles/new?days=0").then().statusCode(400).body(containsString("days"));
    given()
        .get("/v1/titles/leaving?service=hbo")
        .then()
        .statusCode(400)
        .body(containsString("service"))
        .body(containsString("netflix"));
  }

  @Test
  void aRepeatedService_meansAnyOfThem_andEachItemSaysWhereItIs() {
    given()
        .get("/v1/recommendations?q=a drama&service=videoland")
        .then()
        .statusCode(200)
        .body("items.title", contains("Rain Man"))
        .body("items[0].availability.service", hasItems("netflix", "videoland"));
    given()
        .get("/v1/recommendations?q=a drama&service=videoland&service=netflix&limit=10")
        .then()
        .statusCode(200)
        .body("items.title", hasItems("Rain Man", "The Last Kingdom"));
    given()
        .get("/v1/recommendations?q=a drama&service=videoland&service=not a service")
        .then()
        .statusCode(400)
        .body(containsString("service"));
  }

  @Test
  void severalBadParameters_areAllListed() {
    given()
        .get("/v1/recommendations?q=vikings&limit=0&alpha=2")
        .then()
        .statusCode(400)
        .body("errors", hasSize(2))
        .body("errors.parameter", containsInAnyOrder("limit", "alpha"));
  }

  @Test
  void theWordsBecomeFilters_andTheAnswerSaysHowTheyWereRead() {
    given()
        .get("/v1/recommendations?q=een film zoals Vikings")
        .then()
        .statusCode(200)
        .body("meta.understood.type", equalTo("MOVIE"))
        .body("meta.understood.requestLanguage", equalTo("nl"))
        .body("meta.like.title", equalTo("Vikings"))
        .body("items.title", contains("Rain Man"));
  }

  @Test
  void explicitParameters_winOverTheWords() {
    given()
        .get("/v1/recommendations?q=a film about kings&type=series")
        .then()
        .statusCode(200)
        .body("items.title", containsInAnyOrder("The Last Kingdom", "Vikings"));
  }

  @Test
  void aLongRequest_comesByPost_andFourThousandCharactersAreRefusedNoMore() {
    String story = "I remember a series about a Saxon boy raised by Danes. ".repeat(80);
    given()
        .contentType("application/json")
        .body(Map.of("q", story.substring(0, 3900)))
        .post("/v1/recommendations?limit=2")
        .then()
        .statusCode(200)
        .body("items", hasSize(2));
    given()
        .contentType("application/json")
        .body(Map.of("q", story))
        .post("/v1/recommendations")
        .then()
        .statusCode(400)
        .body("field", equalTo("q"));
  }

  @Test
  void withNothingKnown_aNewUserGetsWhatEveryoneWatchesWhereTheyWatch() {
    CollectiveWriter writer = new CollectiveWriter(redis, SignalParams.DEFAULTS, Similarity.COSINE);
    List<CollectiveWriter.Change> fans = new ArrayList<>();
    for (int u = 0; u < 3; u++) {
      fans.add(
          new CollectiveWriter.Watch(
              "fan-" + u,
              List.of(
                  new Watched(
                      "t3", Scope.of("netflix", "NL"), Instant.now().minusSeconds(3_600)))));
    }
    writer.apply(fans);
    try {
      given()
          .get("/v1/trending")
          .then()
          .statusCode(200)
          .body("items[0].title", equalTo("Rain Man"))
          .body("items[0].matched", hasItem("trending now")) // NL has too few: the global list
          .body("meta.usedQuery", equalTo(false));
      String newcomer = "nobody-" + System.nanoTime();
      given()
          .header("Authorization", TestIssuer.bearer(newcomer))
          .get("/v1/recommendations?userId=" + newcomer)
          .then()
          .statusCode(200)
          .body("items[0].title", equalTo("Rain Man"));
      given().get("/v1/trending?type=series").then().statusCode(200).body("items", hasSize(0));
      given()
          .get("/v1/trending?userId=anna")
          .then()
          .statusCode(400)
          .body("parameter", equalTo("userId"));
    } finally {
      writer.apply(
          fans.stream()
              .map(
                  f ->
                      (CollectiveWriter.Change)
                          new CollectiveWriter.Erase(((CollectiveWriter.Watch) f).userId()))
              .toList());
    }
  }

  @Test
  void tenKilobyteQuery_gets400NamingQ() {
    given()
        .queryParam("q", "a".repeat(10_000))
        .get("/v1/recommendations")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"));
  }

  @Test
  void unknownUserWithoutQuery_isToldToGiveAQuery() {
    String user = "nobody-" + System.nanoTime();
    given()
        .header("Authorization", TestIssuer.bearer(user))
        .get("/v1/recommendations?userId=" + user)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"))
        .body("detail", containsString("no viewing history"));
  }

  @Test
  void unknownUserWithAQuery_isAColdStart() {
    String user = "nobody-" + System.nanoTime();
    given()
        .header("Authorization", TestIssuer.bearer(user))
        .get("/v1/recommendations?q=vikings&userId=" + user)
        .then()
        .statusCode(200)
        .body("meta.usedTaste", equalTo(false))
        .body("meta.usedQuery", equalTo(true))
        .body("items", hasSize(3));
  }

  @Test
  void filtersThatMatchTheCatalogue_filter() {
    given()
        .get("/v1/recommendations?q=vikings&type=film&genre=drama")
        .then()
        .statusCode(200)
        .body("items.title", contains("Rain Man"));
  }

  @Test
  void similarToAnUnknownTitle_gets404NamingIt() {
    given()
        .get("/v1/titles/netflix:nope/similar")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("netflix:nope"));
  }

  @Test
  void anUnknownPath_isAProblemToo() {
    given()
        .get("/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", matchesPattern(".*/v1/nothing-here.*"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOpenApiDocument_typesTheParameters_andDocumentsTheProblems() {
    JsonPath api =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String params = "paths.'/v1/recommendations'.get.parameters";
    List<Map<String, Object>> parameters = api.getList(params);
    Map<String, Map<String, Object>> schemas = new HashMap<>();
    parameters.forEach(
        p -> schemas.put((String) p.get("name"), (Map<String, Object>) p.get("schema")));

    assertThat(schemas.get("limit"))
        .containsEntry("type", "integer")
        .containsEntry("minimum", 1)
        .containsEntry("maximum", 100);
    assertThat(schemas.get("alpha")).containsEntry("type", "number").containsEntry("maximum", 1);
    assertThat((List<String>) schemas.get("type").get("enum")).contains("movie", "series");
    assertThat(api.getMap("paths.'/v1/recommendations'.get.responses").keySet())
        .contains("200", "400", "401", "403", "429", "503");
    assertThat(api.getMap("paths.'/v1/recommendations'.get.responses.'400'.content").keySet())
        .containsExactly("application/problem+json");
  }

  @Test
  void aTasteWithoutTheUsersToken_is401_andWithAnotherUsersToken_403() {
    given()
        .get("/v1/recommendations?q=vikings&userId=anna")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("detail", containsString("anna"));
    given()
        .header("Authorization", TestIssuer.bearer("bert"))
        .get("/v1/recommendations?q=vikings&userId=anna")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("detail", containsString("bert"));
    given()
        .header("Authorization", "Bearer not.a.token")
        .get("/v1/recommendations?q=vikings&userId=anna")
        .then()
        .statusCode(401)
        .body("detail", containsString("not valid"));
  }

  @Test
  void aStaleTokenOnAnAnonymousRequest_isIgnored() {
    given()
        .header("Authorization", "Bearer not.a.token")
        .get("/v1/recommendations?q=vikings")
        .then()
        .statusCode(200);
  }

  @Test
  void anotherSitesPreflight_getsNoCorsGrant() {
    given()
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .options("/v1/recommendations")
        .then()
        .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void theLocalTokenEndpoint_isOffUnlessTheLocalStackTurnsItOn() {
    given()
        .contentType("application/json")
        .body(Map.of("user", "anna"))
        .post("/v1/local/token")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("local stack only"));
  }
}
