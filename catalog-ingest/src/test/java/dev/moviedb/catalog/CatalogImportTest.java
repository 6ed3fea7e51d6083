package dev.moviedb.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.moviedb.events.Topics;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Imports through the REST API into the real Kafka topic, and what a user reads in the report. */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class CatalogImportTest {

  /** Imports are an admin's; the access rules have their own test (CatalogAccessTest). */
  @BeforeEach
  void asAdmin() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("Authorization", TestIssuer.bearerAdmin()).build();
  }

  @AfterEach
  void anonymousAgain() {
    RestAssured.requestSpecification = null;
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private static String line(String source, String id, String title, int year, String extra) {
    return "{\"source\":\""
        + source
        + "\",\"nativeId\":\""
        + id
        + "\",\"type\":\"MOVIE\",\"title\":\""
        + title
        + "\",\"year\":"
        + year
        + ",\"runtimeMinutes\":100,\"genres\":[\"Drama\"]"
        + extra
        + "}\n";
  }

  private ValidatableResponse importJsonl(String body, String query) {
    return given()
        .contentType("application/x-ndjson")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=test.jsonl&service=netflix&country=NL" + query)
        .then();
  }

  @Test
  void goodRowsArePublished_badRowsReportedWithLineAndField() {
    String file =
        line("t1", "a", "Alpha", 2001, "")
            + line("t1", "b", "", 2002, "")
            + line("t1", "c", "Gamma", 1700, "")
            + "{not json\n"
            + line("t1", "d", "Delta", 2004, "");

    importJsonl(file, "")
        .statusCode(200)
        .body("rowsRead", equalTo(5))
        .body("published", equalTo(2))
        .body("rejected", equalTo(3))
        .body("rejections[0].line", equalTo(2))
        .body("rejections[0].field", equalTo("title"))
        .body("rejections[1].line", equalTo(3))
        .body("rejections[1].field", equalTo("year"))
        .body("rejections[1].reason", containsString("1700"))
        .body("rejections[2].line", equalTo(4));

    Map<String, String> topic = readTopic();
    assertThat(topic).containsKeys("t1:a", "t1:d").doesNotContainKeys("t1:b", "t1:c");
    assertThat(topic.get("t1:a")).contains("\"service\":\"netflix\"", "\"country\":\"NL\"");
  }

  @Test
  void reimportOfTheSameFile_publishesNothing_andAChangedFieldPublishesOnce() {
    String file = line("t2", "a", "Alpha", 2001, "") + line("t2", "b", "Beta", 2002, "");
    importJsonl(file, "").statusCode(200).body("published", equalTo(2));

    importJsonl(file, "")
        .statusCode(200)
        .body("published", equalTo(0))
        .body("unchanged", equalTo(2));

    String changed =
        line("t2", "a", "Alpha", 2001, "") + line("t2", "b", "Beta (Remastered)", 2002, "");
    importJsonl(changed, "")
        .statusCode(200)
        .body("published", equalTo(1))
        .body("unchanged", equalTo(1));
  }

  @Test
  void duplicateIdsInOneFile_areReported() {
    String file = line("t3", "a", "Alpha", 2001, "") + line("t3", "a", "Alpha again", 2001, "");

    importJsonl(file, "")
        .statusCode(200)
        .body("published", equalTo(1))
        .body("rejections[0].line", equalTo(2))
        .body("rejections[0].reason", containsString("duplicate"));
  }

  @Test
  void snapshotImport_removesTitlesOfItsSourceMissingFromTheFile() {
    importJsonl(
            line("t4", "a", "Alpha", 2001, "") + line("t4", "b", "Beta", 2002, ""), "&source=t4")
        .statusCode(200);

    importJsonl(line("t4", "a", "Alpha", 2001, ""), "&source=t4&mode=snapshot")
        .statusCode(200)
        .body("removed", equalTo(1))
        .body("unchanged", equalTo(1));

    Map<String, String> topic = readTopic();
    assertThat(topic).containsKey("t4:b");
    assertThat(topic.get("t4:b")).as("tombstone").isNull();
    given().get("/v1/catalog/titles/t4:b").then().statusCode(404);
  }

  @Test
  void availabilityFeed_republishesOnlyTitlesWhoseAvailabilityChanged() {
    importJsonl(
            line("t5", "a", "Alpha", 2001, ",\"availability\":[]")
                + line("t5", "b", "Beta", 2002, ",\"availability\":[]"),
            "")
        .statusCode(200);

    given()
        .contentType("application/json")
        .body("{\"titles\":[{\"titleId\":\"t5:a\"},{\"titleId\":\"nope:x\"}]}")
        .put("/v1/catalog/availability/netflix/BE")
        .then()
        .statusCode(200)
        .body("republished", equalTo(1))
        .body("unknownTitleIds[0]", equalTo("nope:x"));
    given()
        .contentType("application/json")
        .body("{\"titles\":[{\"titleId\":\"t5:a\"}]}")
        .put("/v1/catalog/availability/netflix/BE")
        .then()
        .statusCode(200)
        .body("republished", equalTo(0));
    given()
        .get("/v1/catalog/titles/t5:a")
        .then()
        .body("availability.country", org.hamcrest.Matchers.hasItem("BE"));
  }

  @Test
  void latin1File_isRefusedWhole_withAMessageThatSaysSo() {
    byte[] latin1 =
        (line("t6", "a", "Alpha", 2001, "") + line("t6", "b", "Amélie", 2001, ""))
            .getBytes(StandardCharsets.ISO_8859_1);

    given()
        .contentType("application/x-ndjson")
        .body(latin1)
        .post("/v1/catalog/imports?name=latin1.jsonl")
        .then()
        .statusCode(400)
        .body("detail", containsString("not UTF-8"))
        .body("detail", containsString("line 2"));
    given().get("/v1/catalog/titles/t6:a").then().statusCode(404);
  }

  @Test
  void plainTextReport_isReadableOnATerminal() {
    given()
        .contentType("application/x-ndjson")
        .accept("text/plain")
        .body(
            (line("t7", "a", "Alpha", 2001, "") + line("t7", "b", "", 2002, ""))
                .getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=terminal.jsonl")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("published           1"))
        .body(containsString("line 2, title: title is missing"));
  }

  @Test
  void emptyFileAndWrongContentType_getClearErrors() {
    given()
        .contentType("text/csv")
        .body(new byte[0])
        .post("/v1/catalog/imports?name=empty.csv")
        .then()
        .statusCode(400)
        .body("detail", containsString("empty"));
    given()
        .contentType("image/png")
        .body(new byte[] {1, 2, 3})
        .post("/v1/catalog/imports")
        .then()
        .statusCode(415)
        .body("detail", containsString("image/png"));
  }

  @Test
  void oversizeDescription_isRejectedWithItsLineAndField() {
    String huge = "x".repeat(6_000);
    importJsonl(
            line("t8", "a", "Alpha", 2001, "")
                + line("t8", "b", "Beta", 2002, ",\"description\":\"" + huge + "\""),
            "")
        .statusCode(200)
        .body("published", equalTo(1))
        .body("rejections[0].line", equalTo(2))
        .body("rejections[0].field", equalTo("description"))
        .body("rejections[0].reason", containsString("maximum is 5000"));
  }

  @Test
  void malformedCsv_keepsTheRowsBeforeIt_andNamesTheLine() {
    String csv =
        String.join(
                ",",
                List.of(
                    "show_id",
                    "type",
                    "title",
                    "director",
                    "cast",
                    "country",
                    "date_added",
                    "release_year",
                    "rating",
                    "duration",
                    "listed_in",
                    "description"))
            + "\n"
            + "t9a,Movie,Alpha,,,,,2001,PG,90 min,Dramas,Fine row\n"
            + "t9b,Movie,\"Beta\"x,,,,,2002,PG,90 min,Dramas,Broken quote\n"
            + "t9c,Movie,Gamma,,,,,2003,PG,90 min,Dramas,Never read\n";

    given()
        .contentType("text/csv")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=broken.csv&source=t9")
        .then()
        .statusCode(207)
        .body("status", equalTo("FAILED"))
        .body("published", equalTo(1))
        .body("error", containsString("line 3"))
        .body("error", containsString("malformed CSV"));
    given().get("/v1/catalog/titles/t9:t9a").then().statusCode(200);
  }

  @Test
  void csvWithoutTheNetflixHeader_isRefused() {
    given()
        .contentType("text/csv")
        .body("Title,Date\n\"Dark\",\"01/02/21\"\n")
        .post("/v1/catalog/imports?name=history.csv")
        .then()
        .statusCode(400)
        .body("detail", containsString("netflix_titles.csv header"));
  }

  @Test
  void realNetflixCatalogue_publishesEveryTitle_andAReimportPublishesNothing() throws Exception {
    Path file =
        Path.of(System.getProperty("moviedb.shared-data", "../../shared/data"))
            .resolve("catalog/netflix_titles.csv");
    assumeTrue(Files.exists(file), "../shared/data/catalog/netflix_titles.csv is absent: skipped");
    byte[] bytes = Files.readAllBytes(file);

    given()
        .contentType("text/csv")
        .body(bytes)
        .post("/v1/catalog/imports?name=netflix_titles.csv&service=netflix&country=NL")
        .then()
        .statusCode(200)
        .body("rowsRead", equalTo(8807))
        .body("published", equalTo(8807))
        .body("rejected", equalTo(0));
    given()
        .get("/v1/catalog/titles/netflix:s5542")
        .then()
        .statusCode(200)
        .body("runtimeMinutes", equalTo(74));
    given()
        .get("/v1/catalog/titles/netflix:s2629")
        .then()
        .body("title", equalTo("The Last Kingdom"))
        .body("seasons", equalTo(4));

    given()
        .contentType("text/csv")
        .body(bytes)
        .post("/v1/catalog/imports?name=netflix_titles.csv&service=netflix&country=NL")
        .then()
        .statusCode(200)
        .body("published", equalTo(0))
        .body("unchanged", equalTo(8807));
  }

  /** The latest value per key on the catalogue topic (null for a tombstone). */
  private Map<String, String> readTopic() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Map<String, String> latest = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      consumer
          .partitionsFor(Topics.CATALOG_TITLES)
          .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          latest.put(r.key(), r.value());
        }
      }
    }
    return latest;
  }
}
