package dev.moviedb.recommend.adapter.in.rest;

import static dev.moviedb.testing.EndpointAccess.Rule.ANYONE;
import static dev.moviedb.testing.EndpointAccess.Rule.USER;

import dev.moviedb.testing.EndpointAccess;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what on recommend-api: anyone may ask for titles by words or like a title; a request
 * naming a user reads that user's taste and needs their token or the admin role.
 */
@QuarkusTest
@WithKafkaAndRedis
@QuarkusTestResource(value = SmallCatalogue.class, restrictToAnnotatedClass = true)
class RecommendAccessTest {

  @TestHTTPResource("/")
  URL base;

  @TestFactory
  List<DynamicTest> everyEndpoint_answersOnlyThoseItShould() throws Exception {
    return EndpointAccess.of(base.toURI())
        .row("GET /v1/recommendations", ANYONE, "q=vikings")
        .row("GET /v1/recommendations", USER, "q=vikings&userId={userId}")
        .row("POST /v1/recommendations", ANYONE, null, "application/json", "{\"q\":\"vikings\"}")
        .row(
            "POST /v1/recommendations",
            USER,
            "userId={userId}",
            "application/json",
            "{\"q\":\"vikings\"}")
        .row("GET /v1/trending", ANYONE)
        .row("GET /v1/titles/leaving", ANYONE)
        .row("GET /v1/titles/new", ANYONE)
        .row("GET /v1/titles/{titleId}/similar", ANYONE)
        .row("GET /v1/titles/{titleId}/similar", USER, "userId={userId}")
        .row("POST /v1/local/token", ANYONE, null, "application/json", "{\"user\":\"anna\"}")
        .anonymous("/q/health/live", "/q/metrics", "/q/openapi")
        .tests();
  }
}
