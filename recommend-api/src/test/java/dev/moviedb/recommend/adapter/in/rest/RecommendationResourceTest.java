package dev.moviedb.recommend.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a client gets for bad input: a 400 or 404 that names the parameter, never a 500. Runs
 * against the real Redis and an empty embedded index with the real in-process model.
 */
@QuarkusTest
@WithKafkaAndRedis
class RecommendationResourceTest {

  @ParameterizedTest
  @CsvSource({
    "limit=0, limit",
    "limit=101, limit",
    "offset=-1, offset",
    "type=podcast, type",
    "country=Netherlands, country",
    "alpha=1.5, alpha",
    "diversity=-0.1, diversity",
    "minYear=2020&maxYear=2010, minYear",
    "maxRuntime=0, maxRuntime",
    "language=dutch!, language"
  })
  void badParameter_gets400NamingIt(String query, String parameter) {
    given()
        .get("/v1/recommendations?q=vikings&" + query)
        .then()
        .statusCode(400)
        .body("parameter", equalTo(parameter))
        .body("error", containsString(parameter));
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
  void nonNumericLimit_gets400NamingIt_not404() {
    given()
        .get("/v1/recommendations?q=vikings&limit=ten")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("limit"));
  }

  @Test
  void unknownUserWithoutQuery_isToldToGiveAQuery() {
    given()
        .get("/v1/recommendations?userId=nobody-" + System.nanoTime())
        .then()
        .statusCode(400)
        .body("error", containsString("no viewing history"));
  }

  @Test
  void unknownUserWithAQuery_isAColdStart() {
    given()
        .get("/v1/recommendations?q=vikings&userId=nobody-" + System.nanoTime())
        .then()
        .statusCode(200)
        .body("meta.usedTaste", equalTo(false))
        .body("meta.usedQuery", equalTo(true));
  }

  @Test
  void similarToAnUnknownTitle_gets404() {
    given()
        .get("/v1/titles/netflix:nope/similar")
        .then()
        .statusCode(404)
        .body("parameter", equalTo("titleId"));
  }
}
