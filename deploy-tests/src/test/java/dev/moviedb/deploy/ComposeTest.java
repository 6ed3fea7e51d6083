package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Protects: that docker-compose.yml is closed by default (one port, on loopback; Redis and Qdrant
 * require credentials that compose refuses to start without), recovers from crashes, keeps every
 * JVM inside its memory limit, and runs pinned images.
 */
class ComposeTest {

  private static final JsonNode SERVICES = DeployFiles.compose().path("services");

  /** "${VAR:-default}" as compose expands it when VAR is not set. */
  private static String withDefaults(String value) {
    return value.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
  }

  /** Services other services wait for to complete: the one-shots. */
  private static List<String> oneShots() {
    List<String> oneShots = new ArrayList<>();
    SERVICES.forEach(
        service ->
            service
                .path("depends_on")
                .fields()
                .forEachRemaining(
                    d -> {
                      if (d.getValue()
                              .path("condition")
                              .asText()
                              .equals("service_completed_successfully")
                          && !oneShots.contains(d.getKey())) {
                        oneShots.add(d.getKey());
                      }
                    }));
    return oneShots;
  }

  @Test
  void everyService_isBuiltFromItsDockerfileAndTaggedWithTheProjectVersion() {
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode compose = SERVICES.path(service);

      assertThat(compose.at("/build/context").asText()).as(service).isEqualTo("./" + service);
      assertThat(compose.at("/build/dockerfile").asText())
          .isEqualTo("src/main/docker/Dockerfile.jvm");
      assertThat(compose.path("image").asText())
          .isEqualTo("moviedb/" + service + ":" + DeployFiles.projectVersion());
    }
  }

  @Test
  void onlyRecommendApi_isPublished_onLoopbackByDefault() {
    List<String> published = new ArrayList<>();
    SERVICES
        .fields()
        .forEachRemaining(
            s -> {
              if (s.getValue().has("ports")) {
                published.add(s.getKey());
              }
            });

    assertThat(published).containsExactly("recommend-api");
    assertThat(DeployFiles.texts(SERVICES.at("/recommend-api/ports")))
        .extracting(ComposeTest::withDefaults)
        .containsExactly("127.0.0.1:8080:8080");
  }

  @Test
  void adminPorts_openOnlyOnLoopback() {
    JsonNode admin =
        DeployFiles.readDocuments(DeployFiles.deployDir().resolve("compose-admin.yml")).get(0);
    List<String> ports = new ArrayList<>();
    admin.path("services").forEach(s -> ports.addAll(DeployFiles.texts(s.path("ports"))));

    assertThat(ports).isNotEmpty().allMatch(p -> withDefaults(p).startsWith("127.0.0.1:"));
  }

  @Test
  void everyLongRunningService_restartsAfterACrash_andOneShotsDoNot() {
    List<String> oneShots = oneShots();
    assertThat(oneShots).contains("kafka-init", "ollama-pull");
    SERVICES
        .fields()
        .forEachRemaining(
            s -> {
              String restart = s.getValue().path("restart").asText();
              if (oneShots.contains(s.getKey())) {
                assertThat(restart).as(s.getKey()).isIn("no", "on-failure");
              } else {
                assertThat(restart).as(s.getKey()).isIn("always", "unless-stopped");
              }
            });
  }

  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+[mMgG])");

  /**
   * A JVM whose heap may grow to its container's limit is killed by the kernel: Kafka's -Xmx and
   * the services' heap ratio leave at least a quarter of the limit for everything else.
   */
  @Test
  void everyJvm_keepsItsHeapWellInsideItsMemoryLimit() {
    JsonNode kafka = SERVICES.path("kafka");
    Matcher xmx = XMX.matcher(kafka.at("/environment/KAFKA_HEAP_OPTS").asText());
    assertThat(xmx.find()).as("kafka sets -Xmx in KAFKA_HEAP_OPTS").isTrue();
    assertThat(WorkloadsTest.bytes(xmx.group(1)))
        .isLessThanOrEqualTo(
            WorkloadsTest.bytes(kafka.at("/deploy/resources/limits/memory").asText()) * 3 / 4);

    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode compose = SERVICES.path(service);
      assertThat(compose.at("/deploy/resources/limits/memory").asText()).as(service).isNotEmpty();
      assertThat(compose.at("/environment/JAVA_MAX_MEM_RATIO").asInt(100))
          .as(service + " JAVA_MAX_MEM_RATIO")
          .isBetween(1, 75);
    }
  }

  /**
   * Redis refuses clients without the password; every service that uses Redis (its
   * application.properties names Redis hosts) sends it; compose needs it set.
   */
  @Test
  void redis_requiresThePasswordItsClientsSend() {
    JsonNode redis = SERVICES.path("redis");
    String password = redis.at("/environment/REDISCLI_AUTH").asText();
    assertThat(password).startsWith("${REDIS_PASSWORD:?");
    assertThat(String.join(" ", DeployFiles.texts(redis.path("command"))))
        .contains("--requirepass \"$$REDISCLI_AUTH\"");

    List<String> clients = new ArrayList<>();
    for (String client : DeployFiles.SERVICES.keySet()) {
      if (ServiceConfig.of(client, Map.of()).value("quarkus.redis.hosts").isPresent()) {
        clients.add(client);
        assertThat(SERVICES.at("/" + client + "/environment/QUARKUS_REDIS_PASSWORD").asText())
            .as(client)
            .isEqualTo(password);
      }
    }
    assertThat(clients).contains("taste-profile-service", "recommend-api", "collective-signals");
  }

  /** Qdrant refuses requests without the API key; the services send it; compose needs it set. */
  @Test
  void qdrant_requiresTheApiKeyItsClientsSend() {
    String key = SERVICES.at("/qdrant/environment/QDRANT__SERVICE__API_KEY").asText();
    assertThat(key).startsWith("${QDRANT_API_KEY:?");

    for (String client : List.of("embedding-worker", "recommend-api")) {
      assertThat(
              SERVICES
                  .at("/" + client + "/environment/MOVIEDB_VECTOR_STORE_QDRANT_API_KEY")
                  .asText())
          .as(client)
          .isEqualTo(key);
    }
  }

  /** Kafka is plaintext, so it is reachable only on the compose network under its service name. */
  @Test
  void kafka_advertisesOnlyItsComposeNetworkName() {
    String advertised = SERVICES.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText();

    assertThat(advertised.split(",")).allMatch(l -> l.contains("://kafka:"));
  }

  @Test
  void everyImage_isPinned() {
    SERVICES
        .fields()
        .forEachRemaining(
            s -> WorkloadsTest.assertPinned(s.getKey(), s.getValue().path("image").asText()));
  }

  @Test
  void everyService_waitsForTheTopicsAndReportsReadiness() {
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode compose = SERVICES.path(service);

      assertThat(compose.at("/depends_on/kafka-init/condition").asText())
          .as(service)
          .isEqualTo("service_completed_successfully");
      assertThat(compose.at("/healthcheck/test").toString())
          .as(service)
          .contains("/q/health/ready");
    }
  }

  @Test
  void infrastructure_hasHealthchecksAndOneShotsThatRunAfterIt() {
    for (String infrastructure : new String[] {"kafka", "qdrant", "redis", "ollama"}) {
      assertThat(SERVICES.path(infrastructure).has("healthcheck")).as(infrastructure).isTrue();
    }
    assertThat(SERVICES.at("/kafka-init/depends_on/kafka/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(SERVICES.at("/ollama-pull/depends_on/ollama/condition").asText())
        .isEqualTo("service_healthy");
    assertThat(SERVICES.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText())
        .isEqualTo("broker,controller");
  }
}
