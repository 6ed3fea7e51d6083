package dev.moviedb.taste.adapter.in.rest;

import static dev.moviedb.testing.EndpointAccess.Rule.USER;

import dev.moviedb.testing.EndpointAccess;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call what on taste-profile-service: every endpoint of a user needs that user's token or
 * the admin role; nothing here is anonymous but health, metrics and the OpenAPI document.
 */
@QuarkusTest
@WithKafkaAndRedis
class TasteAccessTest {

  @TestHTTPResource("/")
  URL base;

  @TestFactory
  List<DynamicTest> everyEndpoint_answersOnlyTheUserItIsAboutAndAdmins() throws Exception {
    URI root = base.toURI();
    return EndpointAccess.of(root)
        .row(
            "POST /v1/users/{userId}/history",
            USER,
            null,
            "text/csv",
            "Title,Date\n\"Access Test: Episode 1\",\"01/02/2024\"\n")
        .row(
            "POST /v1/users/{userId}/events",
            USER,
            null,
            "application/json",
            "{\"title\":\"Access Test\",\"signal\":\"LIKED\"}")
        .row("GET /v1/users/{userId}/profile", USER)
        .row("GET /v1/users/{userId}/export", USER)
        .row("DELETE /v1/users/{userId}", USER)
        .anonymous("/q/health/live", "/q/metrics", "/q/openapi")
        .tests();
  }
}
