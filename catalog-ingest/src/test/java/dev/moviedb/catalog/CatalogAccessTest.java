package dev.moviedb.catalog;

import static dev.moviedb.testing.EndpointAccess.Rule.ADMIN;

import dev.moviedb.testing.EndpointAccess;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Who may call what on catalog-ingest: every endpoint is an admin's. */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class CatalogAccessTest {

  @TestHTTPResource("/")
  URL base;

  @TestFactory
  List<DynamicTest> everyEndpoint_answersAdminsOnly() throws Exception {
    String title = "{\"type\":\"MOVIE\",\"title\":\"Access Test\"}";
    return EndpointAccess.of(base.toURI())
        .row(
            "POST /v1/catalog/imports",
            ADMIN,
            "format=jsonl&name=access.jsonl",
            "application/x-ndjson",
            "{\"titleId\":\"access:1\",\"type\":\"MOVIE\",\"title\":\"Access Test\"}\n")
        .row("GET /v1/catalog/imports/{importId}", ADMIN)
        .row("GET /v1/catalog/titles/{titleId}", ADMIN)
        .row("PUT /v1/catalog/titles/{titleId}", ADMIN, null, "application/json", title)
        .row("DELETE /v1/catalog/titles/{titleId}", ADMIN)
        .row("GET /v1/catalog/works/{workId}", ADMIN)
        .row(
            "PUT /v1/catalog/availability/{service}/{country}",
            ADMIN,
            null,
            "application/json",
            "{\"titles\":[]}")
        .anonymous("/q/health/live", "/q/metrics", "/q/openapi")
        .tests();
  }
}
