package dev.moviedb.taste.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-client rate limit, set low: a burst passes, the next request waits its Retry-After. */
@QuarkusTest
@WithKafkaAndRedis
@TestProfile(RateLimitTest.Low.class)
class RateLimitTest {

  /** One request per second, bursts of five. */
  public static class Low implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "moviedb.rate-limit.enabled", "true",
          "moviedb.rate-limit.requests-per-second", "1",
          "moviedb.rate-limit.burst", "5");
    }
  }

  @Test
  void afterABurst_theNextRequestIs429WithRetryAfter_healthIsNeverLimited_andTheLimitRefills()
      throws Exception {
    int passed = 0;
    Response limited = given().get("/v1/users/anna/profile");
    while (limited.statusCode() != 429 && passed < 50) {
      assertThat(limited.statusCode()).isEqualTo(401);
      passed++;
      limited = given().get("/v1/users/anna/profile");
    }

    assertThat(passed)
        .as("the burst of five, and what one token per second refilled meanwhile")
        .isBetween(5, 7);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(limited.contentType()).startsWith("application/problem+json");
    assertThat(limited.jsonPath().getString("detail")).contains("1 requests per second");
    for (int i = 0; i < 20; i++) {
      assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);
    }
    Thread.sleep(1100);
    assertThat(given().get("/v1/users/anna/profile").statusCode()).isEqualTo(401);
  }
}
