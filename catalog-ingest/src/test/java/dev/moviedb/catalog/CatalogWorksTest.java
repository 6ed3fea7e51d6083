package dev.moviedb.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.catalog.adapter.out.messaging.CatalogStateLoader;
import dev.moviedb.catalog.application.CatalogState;
import dev.moviedb.catalog.application.ImportCatalogue;
import dev.moviedb.catalog.application.WorkCatalogue;
import dev.moviedb.catalog.application.port.CataloguePublisher;
import dev.moviedb.catalog.domain.ImportMode;
import dev.moviedb.catalog.domain.ImportReport;
import dev.moviedb.catalog.domain.SnapshotPolicy;
import dev.moviedb.catalog.domain.WorkMember;
import dev.moviedb.catalog.domain.WorkReport;
import dev.moviedb.catalogfiles.CatalogueFormat;
import dev.moviedb.events.Topics;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Works across sources through the REST API and a real Kafka broker: what {@code catalog.titles}
 * and {@code catalog.works} carry, and what the import report tells a person.
 */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class CatalogWorksTest {

  /** Titles and works are an admin's; the access rules have their own test (CatalogAccessTest). */
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

  @Inject ObjectMapper json;
  @Inject CatalogState state;
  @Inject CataloguePublisher publisher;

  /** One JSON-lines record; {@code extra} adds fields (starting with a comma). */
  private static String line(
      String source, String type, String title, int year, String people, String extra) {
    return "{\"source\":\""
        + source
        + "\",\"nativeId\":\"x\",\"type\":\""
        + type
        + "\",\"title\":\""
        + title
        + "\",\"year\":"
        + year
        + people
        + extra
        + "}\n";
  }

  private static String cast(String... names) {
    return ",\"cast\":[\"" + String.join("\",\"", names) + "\"]";
  }

  private ValidatableResponse importJsonl(String body, String query) {
    return given()
        .contentType("application/x-ndjson")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=works.jsonl" + query)
        .then();
  }

  @Test
  void crossSourceDuplicates_becomeOneWork_onBothTopics_andTheReportSaysWhy() throws Exception {
    importJsonl(
            line(
                "w1a",
                "MOVIE",
                "Lanterns of Vell",
                2019,
                cast("Ada Brook", "Cas Wen"),
                ",\"directors\":[\"Mo Tal\"]"),
            "&service=netflix&country=NL")
        .statusCode(200)
        .body("works.newWorkCount", equalTo(1));

    importJsonl(
            line(
                "w1b",
                "MOVIE",
                "Lanterns of Vell",
                2020,
                cast("Ada Brook"),
                ",\"alternateTitles\":[\"De lantaarns van Vell\"]"),
            "&service=videoland&country=NL")
        .statusCode(200)
        .body("works.mergeCount", equalTo(1))
        .body("works.newWorkCount", equalTo(0))
        .body("works.merges[0].titleId", equalTo("w1b:x"))
        .body("works.merges[0].workId", equalTo("work:w1a:x"))
        .body("works.merges[0].joined", equalTo(List.of("w1a:x")))
        .body("works.merges[0].evidence", containsString("Ada Brook"))
        .body("works.merges[0].evidence", containsString("2019/2020"))
        .body("works.worksPublished", equalTo(1));

    given().get("/v1/catalog/titles/w1a:x").then().body("workId", equalTo("work:w1a:x"));
    given()
        .get("/v1/catalog/titles/w1b:x")
        .then()
        .body("workId", equalTo("work:w1a:x"))
        .body("title", equalTo("Lanterns of Vell"));
    assertThat(tree(readTopic(Topics.CATALOG_TITLES).get("w1b:x")).path("workId").asText())
        .isEqualTo("work:w1a:x");

    JsonNode work = tree(readTopic(Topics.CATALOG_WORKS).get("work:w1a:x"));
    assertThat(work.path("titleId").asText()).isEqualTo("work:w1a:x");
    assertThat(work.path("workId").asText()).isEqualTo("work:w1a:x");
    assertThat(texts(work.path("memberIds"))).containsExactly("w1a:x", "w1b:x");
    assertThat(texts(work.path("alternateTitles"))).containsExactly("De lantaarns van Vell");
    assertThat(work.path("availability").findValuesAsText("service"))
        .containsExactly("netflix", "videoland");

    given()
        .get("/v1/catalog/works/work:w1a:x")
        .then()
        .statusCode(200)
        .body("memberIds", equalTo(List.of("w1a:x", "w1b:x")))
        .body("work.title", equalTo("Lanterns of Vell"))
        .body("members.titleId", equalTo(List.of("w1a:x", "w1b:x")))
        .body("members[1].workId", equalTo("work:w1a:x"));
  }

  @Test
  void conflictingMetadata_isReported_andTheMostCompleteMemberRepresentsTheWork() {
    importJsonl(
            line(
                "w2a",
                "MOVIE",
                "Salt Roads",
                2018,
                cast("Ines Vaal"),
                ",\"runtimeMinutes\":100,\"maturityRating\":\"PG\""),
            "")
        .statusCode(200);

    given()
        .contentType("application/x-ndjson")
        .accept("text/plain")
        .body(
            line(
                    "w2b",
                    "MOVIE",
                    "Salt Roads",
                    2018,
                    cast("Ines Vaal", "Pim Ros"),
                    ",\"runtimeMinutes\":131,\"maturityRating\":\"R\",\"languages\":[\"nl\"],"
                        + "\"countries\":[\"Netherlands\"],\"franchise\":\"salt-roads\","
                        + "\"description\":\"Smugglers cross the Wadden Sea.\"")
                .getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=works.jsonl")
        .then()
        .statusCode(200)
        .body(containsString("w2b:x -> work:w2a:x (with w2a:x)"))
        .body(containsString("Members disagree"))
        .body(containsString("work:w2a:x runtimeMinutes: w2b:x 131, w2a:x 100"))
        .body(containsString("work:w2a:x maturityRating: w2b:x R, w2a:x PG"));

    given()
        .get("/v1/catalog/works/work:w2a:x")
        .then()
        .body("work.runtimeMinutes", equalTo(131))
        .body("work.maturityRating", equalTo("R"))
        .body("work.franchise", equalTo("salt-roads"))
        .body("work.cast", equalTo(List.of("Ines Vaal", "Pim Ros")));
  }

  @Test
  void snapshotOfOneSource_removesItsCopy_andTheWorkStaysAvailableThroughTheOther()
      throws Exception {
    importJsonl(
            line("w3a", "SERIES", "Peat and Thunder", 2021, cast("Lot Heem", "Ron Daal"), ""),
            "&source=w3a&service=netflix&country=NL")
        .statusCode(200);
    importJsonl(
            line("w3b", "SERIES", "Peat and Thunder", 2021, cast("Lot Heem", "Ron Daal"), "")
                + line("w3b", "MOVIE", "Stays Here", 2003, "", "").replace("\"x\"", "\"y\""),
            "&source=w3b&service=videoland&country=NL")
        .statusCode(200)
        .body("works.mergeCount", equalTo(1));
    given()
        .get("/v1/catalog/works/work:w3a:x")
        .then()
        .body("work.availability.service", equalTo(List.of("netflix", "videoland")));

    importJsonl(
            line("w3b", "MOVIE", "Stays Here", 2003, "", "").replace("\"x\"", "\"y\""),
            "&source=w3b&mode=snapshot&service=videoland&country=NL")
        .statusCode(200)
        .body("removed", equalTo(1))
        .body("works.worksPublished", equalTo(1))
        .body("works.worksRemoved", equalTo(0));

    assertThat(readTopic(Topics.CATALOG_TITLES)).containsEntry("w3b:x", null);
    JsonNode work = tree(readTopic(Topics.CATALOG_WORKS).get("work:w3a:x"));
    assertThat(texts(work.path("memberIds"))).containsExactly("w3a:x");
    assertThat(work.path("availability").findValuesAsText("service")).containsExactly("netflix");
    given()
        .get("/v1/catalog/works/work:w3a:x")
        .then()
        .body("memberIds", equalTo(List.of("w3a:x")))
        .body("work.availability[0].country", equalTo("NL"));

    importJsonl(
            line("w3a", "MOVIE", "Other", 2003, "", "").replace("\"x\"", "\"z\""),
            "&source=w3a&mode=snapshot")
        .statusCode(200)
        .body("removed", equalTo(1))
        .body("works.worksRemoved", equalTo(1));

    assertThat(readTopic(Topics.CATALOG_WORKS)).containsEntry("work:w3a:x", null);
    given().get("/v1/catalog/works/work:w3a:x").then().statusCode(404);
  }

  @Test
  void yearTwoApart_orAnotherType_isNotMerged_andTheReportSaysWhy() {
    importJsonl(line("w4a", "MOVIE", "Copper Tide", 2016, "", ""), "").statusCode(200);

    importJsonl(line("w4b", "MOVIE", "Copper Tide", 2018, "", ""), "")
        .statusCode(200)
        .body("works.newWorkCount", equalTo(1))
        .body("works.mergeCount", equalTo(0))
        .body("works.notMerged[0].titleId", equalTo("w4b:x"))
        .body("works.notMerged[0].otherTitleId", equalTo("w4a:x"))
        .body("works.notMerged[0].reason", containsString("2 years apart"));
    importJsonl(line("w4c", "SERIES", "Copper Tide", 2016, "", ""), "")
        .statusCode(200)
        .body("works.mergeCount", equalTo(0))
        .body("works.notMerged.reason", hasItem(containsString("is a film")));

    given().get("/v1/catalog/titles/w4a:x").then().body("workId", equalTo("work:w4a:x"));
    given().get("/v1/catalog/titles/w4b:x").then().body("workId", equalTo("work:w4b:x"));
    given().get("/v1/catalog/titles/w4c:x").then().body("workId", equalTo("work:w4c:x"));
  }

  @Test
  void recordLikeTwoWorks_joinsNeither_andTheReportListsTheConflict() {
    importJsonl(
            line("w5a", "MOVIE", "Glass Orchard", 2020, "", "")
                + line("w5a", "MOVIE", "Glass Orchard", 2020, "", "").replace("\"x\"", "\"y\""),
            "")
        .statusCode(200)
        .body("works.newWorkCount", equalTo(2));

    importJsonl(line("w5c", "MOVIE", "Glass Orchard", 2020, "", ""), "")
        .statusCode(200)
        .body("works.conflictCount", equalTo(1))
        .body("works.conflicts[0].titleId", equalTo("w5c:x"))
        .body("works.conflicts[0].workId", equalTo("work:w5c:x"))
        .body("works.conflicts[0].candidates", equalTo(List.of("work:w5a:x", "work:w5a:y")))
        .body("works.conflicts[0].reason", containsString("merged into none"));
  }

  @Test
  void restart_keepsEveryWorkId_andANewSourceStillJoinsTheSameWork() {
    importJsonl(line("w6a", "MOVIE", "Ember Street", 2021, cast("Noor Vliet"), ""), "")
        .statusCode(200);
    importJsonl(line("w6b", "MOVIE", "Ember Street", 2021, cast("Noor Vliet"), ""), "")
        .statusCode(200)
        .body("works.mergeCount", equalTo(1));

    CatalogState restarted = new CatalogState();
    WorkCatalogue works = new WorkCatalogue(publisher, restarted);
    new CatalogStateLoader(restarted, json, Map.of("bootstrap.servers", bootstrap), works).load();

    Map<String, String> before = workIds(state.members());
    assertThat(before).containsEntry("w6b:x", "work:w6a:x").hasSizeGreaterThan(2);
    assertThat(workIds(restarted.members())).isEqualTo(before);
    WorkReport reconciled = works.reconcile();
    assertThat(reconciled.worksPublished()).as("works republished after the restart").isZero();
    assertThat(reconciled.newWorkCount()).isZero();

    ImportReport report =
        new ImportCatalogue(works, restarted, new SnapshotPolicy(1.0))
            .run(
                new ImportCatalogue.Request(
                    "after-restart.jsonl", "jsonl", "w6c", ImportMode.UPSERT, List.of()),
                CatalogueFormat.JSONL.open(
                    new ByteArrayInputStream(
                        line("w6c", "MOVIE", "Ember Street", 2022, cast("Noor Vliet"), "")
                            .getBytes(StandardCharsets.UTF_8)),
                    "after-restart.jsonl",
                    "w6c"));
    assertThat(report.works().merges())
        .singleElement()
        .satisfies(m -> assertThat(m.workId()).isEqualTo("work:w6a:x"));
  }

  @Test
  void worksRecord_carriesTheMergedAvailabilityWithDates_andFollowsTheAvailabilityFeed()
      throws Exception {
    importJsonl(
            line(
                "w7a",
                "MOVIE",
                "Tin Lighthouse",
                2017,
                cast("Bo Smit"),
                ",\"availability\":[{\"service\":\"netflix\",\"country\":\"NL\","
                    + "\"from\":\"2026-01-01\",\"until\":\"2026-04-01\"}]"),
            "")
        .statusCode(200);
    importJsonl(
            line(
                "w7b",
                "MOVIE",
                "Tin Lighthouse",
                2017,
                cast("Bo Smit"),
                ",\"availability\":[{\"service\":\"netflix\",\"country\":\"NL\","
                    + "\"from\":\"2026-03-01\",\"until\":\"2026-06-01\"},"
                    + "{\"service\":\"videoland\",\"country\":\"NL\",\"from\":\"2026-02-01\"}]"),
            "")
        .statusCode(200);

    JsonNode work = tree(readTopic(Topics.CATALOG_WORKS).get("work:w7a:x"));
    assertThat(work.path("availability").toString())
        .isEqualTo(
            "[{\"service\":\"netflix\",\"country\":\"NL\",\"from\":\"2026-01-01\","
                + "\"until\":\"2026-06-01\"},"
                + "{\"service\":\"videoland\",\"country\":\"NL\",\"from\":\"2026-02-01\"}]");

    given()
        .contentType("application/json")
        .body(
            "{\"titles\":[{\"titleId\":\"w7b:x\",\"from\":\"2026-05-01\",\"until\":\"2026-08-01\"}]}")
        .put("/v1/catalog/availability/netflix/BE")
        .then()
        .statusCode(200)
        .body("worksRepublished", equalTo(1));
    given()
        .get("/v1/catalog/works/work:w7a:x")
        .then()
        .body("work.availability.country", equalTo(List.of("BE", "NL", "NL")))
        .body("work.availability[0].until", equalTo("2026-08-01"));
  }

  @Test
  void sameExternalId_mergesUnderAnotherName_andABadIdIsRejectedWithItsField() {
    importJsonl(
            line(
                "w8a",
                "MOVIE",
                "Zwart Water",
                2019,
                "",
                ",\"externalIds\":{\"imdb\":\"tt9990001\"}"),
            "")
        .statusCode(200);

    importJsonl(
            line(
                    "w8b",
                    "MOVIE",
                    "Black Water Rising",
                    2019,
                    "",
                    ",\"externalIds\":{\"IMDB\":\"tt9990001\"}")
                + line("w8b", "MOVIE", "Bad Id", 2019, "", ",\"externalIds\":{\"imdb\":\"12\"}")
                    .replace("\"x\"", "\"y\""),
            "")
        .statusCode(200)
        .body("works.merges[0].evidence", containsString("same imdb id tt9990001"))
        .body("rejections[0].line", equalTo(2))
        .body("rejections[0].field", equalTo("externalIds.imdb"));

    given()
        .get("/v1/catalog/works/work:w8a:x")
        .then()
        .body("work.externalIds.imdb", equalTo("tt9990001"))
        .body("work.alternateTitles", equalTo(List.of("Black Water Rising")));
  }

  @Test
  void unknownWork_isNotFound_withAProblem() {
    given()
        .get("/v1/catalog/works/work:nope:1")
        .then()
        .statusCode(404)
        .body("detail", containsString("work:nope:1"));
  }

  private static Map<String, String> workIds(List<WorkMember> members) {
    Map<String, String> ids = new HashMap<>();
    members.forEach(m -> ids.put(m.titleId(), m.workId()));
    return ids;
  }

  private JsonNode tree(String value) throws Exception {
    assertThat(value).isNotNull();
    return json.readTree(value);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The latest value per key on a topic (null for a tombstone). */
  private Map<String, String> readTopic(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Map<String, String> latest = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      consumer
          .partitionsFor(topic)
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
