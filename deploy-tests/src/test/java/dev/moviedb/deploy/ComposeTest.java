package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeTest {

  private static final JsonNode SERVICES = DeployFiles.compose().path("services");

  @Test
  void everyService_isBuiltFromItsDockerfileAndPublishesItsPort() {
    for (Map.Entry<String, Integer> service : DeployFiles.SERVICES.entrySet()) {
      JsonNode compose = SERVICES.path(service.getKey());

      assertThat(compose.at("/build/context").asText())
          .as(service.getKey())
          .isEqualTo("./" + service.getKey());
      assertThat(compose.at("/build/dockerfile").asText())
          .isEqualTo("src/main/docker/Dockerfile.jvm");
      assertThat(DeployFiles.texts(compose.path("ports")))
          .as(service.getKey())
          .contains(service.getValue() + ":" + service.getValue());
    }
  }

  @Test
  void everyService_waitsForTheTopicsAndReportsReadinessWithinAMemoryLimit() {
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode compose = SERVICES.path(service);

      assertThat(compose.at("/depends_on/kafka-init/condition").asText())
          .as(service)
          .isEqualTo("service_completed_successfully");
      assertThat(compose.at("/healthcheck/test").toString())
          .as(service)
          .contains("/q/health/ready");
      assertThat(compose.at("/deploy/resources/limits/memory").asText()).as(service).isNotEmpty();
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
