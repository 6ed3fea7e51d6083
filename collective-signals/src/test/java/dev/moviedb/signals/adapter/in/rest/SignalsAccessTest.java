package dev.moviedb.signals.adapter.in.rest;

import static dev.moviedb.testing.EndpointAccess.Rule.ADMIN;

import dev.moviedb.testing.EndpointAccess;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Who may call what on collective-signals: what the signals hold is an operator's to read. */
@QuarkusTest
@WithKafkaAndRedis
class SignalsAccessTest {

  @TestHTTPResource("/")
  URL base;

  @TestFactory
  List<DynamicTest> everyEndpoint_answersAdminsOnly() throws Exception {
    return EndpointAccess.of(base.toURI())
        .row("GET /v1/signals/trending", ADMIN)
        .row("GET /v1/signals/titles/{titleId}/neighbours", ADMIN)
        .anonymous("/q/health/live", "/q/metrics", "/q/openapi")
        .tests();
  }
}
