package dev.moviedb.taste.adapter.in.rest;

import static dev.moviedb.taste.testing.Topic.await;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What taste-profile-service refuses before it reads a body, and the caps on what it reads: no
 * browser-simple posts (forms, text/plain, no type), a body size per endpoint, rows and fields of
 * an export, event times, and the user id format.
 */
@QuarkusTest
@WithKafkaAndRedis
class RequestLimitsTest {

  @TestHTTPResource("/")
  URL base;

  private String user;

  @BeforeEach
  void ready() throws Exception {
    user = "limits-" + UUID.randomUUID().toString().substring(0, 8);
    await("the service is ready", () -> given().get("/q/health/ready").statusCode() == 200);
  }

  private RequestSpecification asUser() {
    return given().header("Authorization", TestIssuer.bearer(user));
  }

  @Test
  void formsTextPlainAndUntypedBodies_areRefusedWith415_onEveryPost() throws Exception {
    for (String type :
        new String[] {
          "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null
        }) {
      HttpResponse<String> event =
          post("/v1/users/" + user + "/events", type, "{\"title\":\"Dark\"}");
      assertThat(event.statusCode()).as("%s: %s", type, event.body()).isEqualTo(415);
      assertThat(event.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(event.body()).contains("application/json");
      HttpResponse<String> history =
          post("/v1/users/" + user + "/history", type, "Title,Date\n\"Dark\",\"01/02/2024\"\n");
      assertThat(history.statusCode()).as("%s: %s", type, history.body()).isEqualTo(415);
      assertThat(history.body()).contains("text/csv");
    }
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .header("Authorization", TestIssuer.bearer(user))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEventBodyOver64KiB_is413() {
    String title = "x".repeat(70_000);
    asUser()
        .contentType("application/json")
        .body("{\"title\":\"" + title + "\",\"signal\":\"LIKED\"}")
        .post("/v1/users/{u}/events", user)
        .then()
        .statusCode(413)
        .contentType(startsWith("application/problem+json"))
        .body("detail", containsString("at most 65536 bytes"));
  }

  @Test
  void eventTimesBefore1997OrInTheFuture_are400NamingOccurredAt() {
    asUser()
        .contentType("application/json")
        .body("{\"title\":\"Dark\",\"signal\":\"LIKED\",\"occurredAt\":\"1996-12-31T23:00:00Z\"}")
        .post("/v1/users/{u}/events", user)
        .then()
        .statusCode(400)
        .body("detail", containsString("occurredAt"))
        .body("detail", containsString("before 1997"));
    String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    asUser()
        .contentType("application/json")
        .body("{\"title\":\"Dark\",\"signal\":\"LIKED\",\"occurredAt\":\"" + tomorrow + "\"}")
        .post("/v1/users/{u}/events", user)
        .then()
        .statusCode(400)
        .body("detail", containsString("in the future"));
  }

  @Test
  void anOverlongTitleFieldOrADateOutOfRange_rejectsThatRowByFileLineAndColumn() {
    String csv =
        "Title,Date\n"
            + "\"Dark: Season 1\",\"01/02/2024\"\n"
            + "\""
            + "y".repeat(1001)
            + "\",\"02/02/2024\"\n"
            + "\"Old\",\"01/02/1990\"\n";
    asUser()
        .contentType("text/csv")
        .body(csv)
        .post("/v1/users/{u}/history", user)
        .then()
        .statusCode(200)
        .body("eventsPublished", equalTo(1))
        .body("rejected[0].file", equalTo("NetflixViewingHistory.csv"))
        .body("rejected[0].line", equalTo(3))
        .body("rejected[0].field", equalTo("Title"))
        .body("rejected[0].reason", containsString("at most 1000"))
        .body("rejected[1].line", equalTo(4))
        .body("rejected[1].reason", containsString("before 1997"));
  }

  @Test
  void aFileOverTheRowCap_isRefusedNamingTheFileAndLine() {
    StringBuilder csv = new StringBuilder("Title,Date\n");
    for (int i = 0; i <= 200_000; i++) {
      csv.append("\"T").append(i).append("\",\"01/02/2024\"\n");
    }
    asUser()
        .contentType("text/csv")
        .body(csv.toString())
        .post("/v1/users/{u}/history", user)
        .then()
        .statusCode(413)
        .body("detail", containsString("NetflixViewingHistory.csv line 200002"))
        .body("detail", containsString("more than 200000 rows"));
  }

  @Test
  void aUserIdOutsideTheFormat_is400NamingTheParameter() {
    given()
        .header("Authorization", TestIssuer.bearerAdmin())
        .get("/v1/users/{u}/profile", "anna bert")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("userId"))
        .body("detail", containsString("letters, digits"));
  }
}
