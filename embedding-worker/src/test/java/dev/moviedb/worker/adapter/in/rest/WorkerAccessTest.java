package dev.moviedb.worker.adapter.in.rest;

import static dev.moviedb.testing.EndpointAccess.Rule.ADMIN;

import dev.moviedb.testing.EndpointAccess;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Who may call what on embedding-worker: the index status and its promotion are an admin's. */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class WorkerAccessTest {

  @TestHTTPResource("/")
  URL base;

  @TestFactory
  List<DynamicTest> everyEndpoint_answersAdminsOnly() throws Exception {
    return EndpointAccess.of(base.toURI())
        .row("GET /v1/index", ADMIN)
        .row("POST /v1/index/promote", ADMIN, null, null, null)
        .anonymous("/q/health/live", "/q/metrics", "/q/openapi")
        .tests();
  }
}
