package dev.moviedb.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.moviedb.events.Topics;
import dev.moviedb.testing.TestIssuer;
import dev.moviedb.testing.WithKafkaAndRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of catalog-ingest against one broker: what the other one publishes on {@code
 * catalog.titles} after this one started reaches this one's state, so a snapshot here removes a
 * title added there, and a row the other one already changed is not republished. The other replica
 * is played by a producer writing the records it would write.
 */
@QuarkusTest
@WithKafkaAndRedis(redis = false)
class FollowOtherReplicasTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeEach
  void asAdmin() {
    RestAssured.requestSpecification =
        new RequestSpecBuilder().addHeader("Authorization", TestIssuer.bearerAdmin()).build();
  }

  @AfterEach
  void anonymousAgain() {
    RestAssured.requestSpecification = null;
  }

  private static String row(int id, String title) {
    return "{\"source\":\"r1\",\"nativeId\":\"n"
        + id
        + "\",\"type\":\"MOVIE\",\"title\":\""
        + title
        + "\",\"year\":2001,\"runtimeMinutes\":100,\"genres\":[\"Drama\"]}\n";
  }

  private static io.restassured.response.ValidatableResponse importJsonl(String body, String q) {
    return given()
        .contentType("application/x-ndjson")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/v1/catalog/imports?name=replica.jsonl&source=r1" + q)
        .then();
  }

  @Test
  void titlesPublishedByAnotherReplica_areFollowed_soSnapshotsAndDiffsSeeThem() throws Exception {
    importJsonl(row(1, "Quiet Harbour"), "").statusCode(200).body("published", equalTo(1));
    String published = latest("r1:n1");

    // The other replica renames r1:n1 and adds r1:n2, each with its work, as it would publish them.
    publish(
        Topics.CATALOG_TITLES,
        "r1:n1",
        published.replace("\"Quiet Harbour\"", "\"Quiet Harbour Revisited\""));
    publish(
        Topics.CATALOG_TITLES,
        "r1:n2",
        published.replace("r1:n1", "r1:n2").replace("\"n1\"", "\"n2\""));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (given().get("/v1/catalog/titles/r1:n2").statusCode() != 200
        || !"Quiet Harbour Revisited"
            .equals(given().get("/v1/catalog/titles/r1:n1").path("title"))) {
      assertThat(System.nanoTime()).as("both records followed within 30 s").isLessThan(deadline);
      Thread.sleep(100);
    }
    given()
        .get("/v1/catalog/titles/r1:n1")
        .then()
        .statusCode(200)
        .body("title", equalTo("Quiet Harbour Revisited"));

    importJsonl(row(1, "Quiet Harbour Revisited"), "")
        .statusCode(200)
        .body("published", equalTo(0))
        .body("unchanged", equalTo(1));
    importJsonl(row(1, "Quiet Harbour Revisited"), "&mode=snapshot")
        .statusCode(200)
        .body("removed", equalTo(1));
    given().get("/v1/catalog/titles/r1:n2").then().statusCode(404);
  }

  private void publish(String topic, String key, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  /** The latest record of a title on catalog.titles. */
  private String latest(String key) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    String found = null;
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
          if (key.equals(r.key())) {
            found = r.value();
          }
        }
      }
    }
    assertThat(found).as("a record of " + key).isNotNull();
    return found;
  }
}
