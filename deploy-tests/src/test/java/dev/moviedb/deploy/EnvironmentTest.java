package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: that every setting a service needs where it runs is given to it there: the connection
 * settings (each has a localhost default that is wrong in a container) and every variable its
 * application.properties reads without a default.
 */
class EnvironmentTest {

  private static final List<String> VECTOR_STORE =
      List.of(
          "MOVIEDB_VECTOR_STORE_KIND",
          "MOVIEDB_VECTOR_STORE_QDRANT_HOST",
          "MOVIEDB_VECTOR_STORE_QDRANT_PORT",
          "MOVIEDB_VECTOR_STORE_QDRANT_API_KEY",
          "MOVIEDB_EMBEDDING_PROVIDER",
          "MOVIEDB_EMBEDDING_MODEL",
          "MOVIEDB_EMBEDDING_OLLAMA_BASE_URL");

  /** The OIDC provider whose bearer tokens a service accepts (none by default: closed). */
  private static final String OIDC = "QUARKUS_OIDC_AUTH_SERVER_URL";

  /**
   * Settings whose default only works on a developer's machine: the brokers, the stores and the
   * model (the vectors module's moviedb.* keys, read through MicroProfile Config's environment
   * names).
   */
  private static final Map<String, List<String>> CONNECTIONS =
      Map.of(
          "catalog-ingest", List.of("KAFKA_BOOTSTRAP_SERVERS", OIDC),
          "embedding-worker",
              Stream.concat(Stream.of("KAFKA_BOOTSTRAP_SERVERS", OIDC), VECTOR_STORE.stream())
                  .toList(),
          "taste-profile-service",
              List.of(
                  "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_REDIS_HOSTS", "QUARKUS_REDIS_PASSWORD", OIDC),
          "collective-signals",
              List.of(
                  "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_REDIS_HOSTS", "QUARKUS_REDIS_PASSWORD", OIDC),
          "recommend-api",
              Stream.concat(
                      Stream.of("QUARKUS_REDIS_HOSTS", "QUARKUS_REDIS_PASSWORD", OIDC),
                      VECTOR_STORE.stream())
                  .toList());

  /** ${NAME} without a default: the service cannot start without NAME. */
  private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

  static Set<String> required(String service) {
    Set<String> names = new LinkedHashSet<>(CONNECTIONS.get(service));
    Matcher matcher =
        REQUIRED_REFERENCE.matcher(ServiceConfig.read(ServiceConfig.propertiesOf(service)));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  static List<String> overlays() {
    return Rendered.overlays();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyKubernetesDeployment_providesWhatItsServiceNeeds(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    for (String service : DeployFiles.SERVICES.keySet()) {
      Set<String> provided = Environment.ofDeployment(rendered, service).values().keySet();

      assertThat(provided).as(overlay + " " + service).containsAll(required(service));
    }
  }

  @Test
  void everyComposeService_providesWhatItsServiceNeeds() {
    JsonNode services = DeployFiles.compose().path("services");
    for (String service : DeployFiles.SERVICES.keySet()) {
      JsonNode environment = services.path(service).path("environment");
      Set<String> provided = new HashSet<>();
      if (environment.isObject()) {
        environment.fieldNames().forEachRemaining(provided::add);
      } else {
        environment.forEach(e -> provided.add(e.asText().split("=", 2)[0]));
      }

      assertThat(provided).as(service).containsAll(required(service));
    }
  }
}
