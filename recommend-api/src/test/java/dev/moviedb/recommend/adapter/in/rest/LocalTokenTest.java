package dev.moviedb.recommend.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local stack's sign-in for a web page: a token for a user name, for that user only. */
@QuarkusTest
@WithKafkaAndRedis
@QuarkusTestResource(value = SmallCatalogue.class, restrictToAnnotatedClass = true)
@TestProfile(LocalTokenTest.LocalStack.class)
class LocalTokenTest {

  /** As bin/moviedb starts recommend-api: the local issuer's keys are given. */
  public static class LocalStack implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      TestIssuer.issuer(); // the keys exist before the service starts, as bin/moviedb makes them
      return Map.of("moviedb.local-issuer.directory", TestIssuer.directory().toString());
    }
  }

  @Test
  void aTokenForAUserName_opensThatUsersTasteOnly() {
    String token =
        given()
            .contentType("application/json")
            .body(Map.of("user", "anna"))
            .post("/v1/local/token")
            .then()
            .statusCode(200)
            .body("tokenType", equalTo("Bearer"))
            .body("user", equalTo("anna"))
            .body("expiresIn", equalTo(43200))
            .extract()
            .path("accessToken");

    given()
        .header("Authorization", "Bearer " + token)
        .get("/v1/recommendations?q=vikings&userId=anna")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", "Bearer " + token)
        .get("/v1/recommendations?q=vikings&userId=bert")
        .then()
        .statusCode(403);
  }

  @Test
  void aNameOutsideTheUserIdRule_orAFormPost_isRefused() {
    given()
        .contentType("application/json")
        .body(Map.of("user", "anna/../admin"))
        .post("/v1/local/token")
        .then()
        .statusCode(400)
        .body("detail", containsString("letters, digits"));
    given().formParam("user", "anna").post("/v1/local/token").then().statusCode(415);
  }
}
