package dev.moviedb.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.deploy.ServiceConfig.Access;
import dev.moviedb.deploy.ServiceConfig.Need;
import dev.moviedb.events.Topics;
import dev.moviedb.events.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Protects: that the stores and Kafka answer only clients that prove who they are, with credentials
 * from Secrets that must exist (a missing Secret stops the pod instead of opening the door), and
 * that each service's Kafka user may do what the service does and no more than the topics it uses.
 */
class ClosedByDefaultTest {

  static List<String> overlays() {
    return Rendered.overlays();
  }

  /** An optional Secret reference silently starts a store or client without its credentials. */
  @ParameterizedTest
  @MethodSource("overlays")
  void noSecretReference_isOptional(String overlay) {
    List<String> optional = new ArrayList<>();
    for (JsonNode object : Rendered.overlay(overlay)) {
      collectOptionalSecrets(DeployFiles.id(object), object, optional);
    }

    assertThat(optional).as(overlay).isEmpty();
  }

  private static void collectOptionalSecrets(String where, JsonNode node, List<String> found) {
    node.fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (List.of("secretKeyRef", "secretRef", "secret").contains(field.getKey())
                  && value.path("optional").asBoolean(false)) {
                found.add(where + " " + field.getKey() + " " + value);
              }
              if (value.isObject()) {
                collectOptionalSecrets(where, value, found);
              } else if (value.isArray()) {
                value.forEach(item -> collectOptionalSecrets(where, item, found));
              }
            });
  }

  /**
   * Every service verifies bearer tokens of the configured OIDC provider, over https, for the
   * MovieDB audience; none trusts a local key, runs the local stack's sign-in, or opens CORS.
   */
  @ParameterizedTest
  @MethodSource("overlays")
  void everyService_acceptsOnlyTheProvidersTokens_andNoLocalShortcut(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    for (String service : DeployFiles.SERVICES.keySet()) {
      Map<String, String> env = Environment.ofDeployment(rendered, service).values();
      ServiceConfig config = ServiceConfig.in(rendered, service);

      assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).as(service).startsWith("https://");
      assertThat(env.get("QUARKUS_OIDC_TOKEN_AUDIENCE")).as(service).isEqualTo("moviedb");
      assertThat(env)
          .as(overlay + " " + service)
          .doesNotContainKeys(
              "QUARKUS_OIDC_PUBLIC_KEY",
              "MOVIEDB_LOCAL_ISSUER_DIRECTORY",
              "QUARKUS_HTTP_CORS_ENABLED",
              "QUARKUS_HTTP_CORS_ORIGINS",
              "MOVIEDB_RATE_LIMIT_ENABLED");
      assertThat(config.value("moviedb.local-issuer.directory")).as(service).isEmpty();
      assertThat(config.value("quarkus.http.cors.enabled").orElse("false"))
          .as(service)
          .isEqualTo("false");
    }
  }

  /** docker-compose neither turns the local sign-in on nor opens CORS. */
  @Test
  void compose_turnsNoLocalSignInOrCorsOn() {
    JsonNode services = DeployFiles.compose().path("services");
    for (String service : DeployFiles.SERVICES.keySet()) {
      List<String> names = new ArrayList<>();
      services.path(service).path("environment").fieldNames().forEachRemaining(names::add);

      assertThat(names)
          .as(service)
          .contains("QUARKUS_OIDC_AUTH_SERVER_URL")
          .doesNotContain(
              "MOVIEDB_LOCAL_ISSUER_DIRECTORY",
              "QUARKUS_HTTP_CORS_ENABLED",
              "QUARKUS_HTTP_CORS_ORIGINS",
              "MOVIEDB_RATE_LIMIT_ENABLED");
    }
  }

  /** Redis requires a password, and every service that uses Redis sends that same password. */
  @ParameterizedTest
  @MethodSource("overlays")
  void redis_requiresThePasswordItsClientsSend(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    JsonNode redis =
        DeployFiles.podSpec(DeployFiles.get(rendered, "StatefulSet", "redis"))
            .path("containers")
            .get(0);
    List<String> args = DeployFiles.texts(redis.path("args"));
    int flag = args.indexOf("--requirepass");
    assertThat(flag).as(overlay + ": redis-server --requirepass").isNotNegative();
    String variable = args.get(flag + 1).replaceAll("^\\$\\((.+)\\)$", "$1");
    JsonNode serverSecret =
        Environment.of(rendered, redis)
            .secretRef(variable)
            .orElseThrow(() -> new AssertionError(overlay + ": requirepass is not from a Secret"));

    List<String> clients = new ArrayList<>();
    for (String service : DeployFiles.SERVICES.keySet()) {
      ServiceConfig config = ServiceConfig.in(rendered, service);
      if (config.value("quarkus.redis.hosts").isPresent()) {
        clients.add(service);
        assertThat(config.value("quarkus.redis.password"))
            .as(overlay + ": " + service + " sends the Redis password")
            .contains(secretValue(serverSecret));
      }
    }
    assertThat(clients)
        .as(overlay)
        .contains("recommend-api", "taste-profile-service", "collective-signals");
  }

  /** Qdrant requires its API key, and every service that uses Qdrant sends that same key. */
  @ParameterizedTest
  @MethodSource("overlays")
  void qdrant_requiresTheApiKeyItsClientsSend(String overlay) {
    List<JsonNode> rendered = Rendered.overlay(overlay);
    JsonNode qdrant =
        DeployFiles.podSpec(DeployFiles.get(rendered, "StatefulSet", "qdrant"))
            .path("containers")
            .get(0);
    JsonNode serverSecret =
        Environment.of(rendered, qdrant)
            .secretRef("QDRANT__SERVICE__API_KEY")
            .orElseThrow(
                () -> new AssertionError(overlay + ": Qdrant has no API key from a Secret"));

    List<String> clients = new ArrayList<>();
    for (String service : DeployFiles.SERVICES.keySet()) {
      ServiceConfig config = ServiceConfig.in(rendered, service);
      if (config.value("moviedb.vector-store.kind").orElse("").equals("qdrant")) {
        clients.add(service);
        assertThat(config.value("moviedb.vector-store.qdrant.api-key"))
            .as(overlay + ": " + service + " sends the Qdrant API key")
            .contains(secretValue(serverSecret));
      }
    }
    assertThat(clients).as(overlay).contains("recommend-api", "embedding-worker");
  }

  /** In production no listener lets a client in without SCRAM credentials, and ACLs apply. */
  @Test
  void production_kafkaAcceptsOnlyAuthenticatedClientsOverTls() {
    JsonNode kafka = DeployFiles.get(Rendered.overlay("production"), "Kafka", "moviedb");

    assertThat(DeployFiles.stream(kafka.at("/spec/kafka/listeners")).toList())
        .isNotEmpty()
        .allSatisfy(
            listener -> {
              assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
              assertThat(listener.path("tls").asBoolean()).isTrue();
            });
    assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
  }

  /**
   * In production every service with a Kafka client connects to the authenticated listener over TLS
   * (trusting the cluster CA), as its own KafkaUser, with the credentials from the Secret Strimzi
   * creates for that user, as the service's resolved configuration shows.
   */
  @Test
  void production_everyKafkaClientAuthenticatesAsItsOwnKafkaUser() {
    List<JsonNode> rendered = Rendered.overlay("production");
    JsonNode listener = DeployFiles.get(rendered, "Kafka", "moviedb").at("/spec/kafka/listeners/0");
    List<String> kafkaServices = new ArrayList<>();

    for (String service : DeployFiles.SERVICES.keySet()) {
      ServiceConfig config = ServiceConfig.in(rendered, service);
      if (!config.usesKafka()) {
        continue;
      }
      kafkaServices.add(service);
      JsonNode user =
          DeployFiles.find(rendered, "KafkaUser", service)
              .orElseThrow(() -> new AssertionError("production: no KafkaUser " + service));
      assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
      assertThat(config.value("kafka.bootstrap.servers"))
          .as(service)
          .contains("moviedb-kafka-bootstrap:" + listener.path("port").asInt());
      assertThat(config.value("kafka.security.protocol")).as(service).contains("SASL_SSL");
      assertThat(config.value("kafka.sasl.mechanism")).as(service).contains("SCRAM-SHA-512");
      assertThat(config.value("kafka.sasl.jaas.config"))
          .as(service + " reads the JAAS configuration of its own KafkaUser's Secret")
          .contains("secret:" + service + "/sasl.jaas.config");
      assertThat(config.value("kafka.ssl.truststore.type")).as(service).contains("PEM");
      assertCaMounted(rendered, service, config.value("kafka.ssl.truststore.location").orElse(""));
    }
    assertThat(kafkaServices)
        .contains(
            "catalog-ingest", "embedding-worker", "taste-profile-service", "collective-signals");
  }

  private static void assertCaMounted(List<JsonNode> rendered, String service, String file) {
    JsonNode pod = DeployFiles.podSpec(DeployFiles.get(rendered, "Deployment", service));
    JsonNode mount =
        DeployFiles.stream(pod.at("/containers/0/volumeMounts"))
            .filter(m -> !file.isEmpty() && file.startsWith(m.path("mountPath").asText() + "/"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(service + ": nothing mounted at " + file));
    JsonNode volume =
        DeployFiles.stream(pod.path("volumes"))
            .filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(volume.at("/secret/secretName").asText())
        .as(service)
        .isEqualTo("moviedb-cluster-ca-cert");
  }

  /**
   * Each KafkaUser may read and write what its service's channels read and write (topics, DLQs, and
   * the consumer groups, resolved from application.properties as the service resolves them). A
   * channel added to a service fails here until its KafkaUser allows it.
   */
  @Test
  void production_everyKafkaUserMayDoWhatItsServicesChannelsDo() {
    List<JsonNode> rendered = Rendered.overlay("production");
    List<String> missing = new ArrayList<>();

    for (String service : DeployFiles.SERVICES.keySet()) {
      ServiceConfig config = ServiceConfig.in(rendered, service);
      if (!config.usesKafka()) {
        continue;
      }
      JsonNode user = DeployFiles.get(rendered, "KafkaUser", service);
      for (Need need : config.kafkaNeeds()) {
        if (!allows(user, need)) {
          missing.add(
              need.why() + ": " + need.access() + " on " + need.resourceType() + " " + need.name());
        }
      }
    }

    assertThat(missing).isEmpty();
  }

  /**
   * Each KafkaUser may read exactly the topics its service reads, no more: those of the service's
   * incoming channels (its application.properties, resolved as the service resolves them) and those
   * of the consumers its code builds itself outside a channel (its main sources). A Read left
   * behind by a retired consumer, or missing for a new one, fails here; so does a KafkaUser of no
   * service, or a service that reads Kafka without one.
   */
  @Test
  void production_everyKafkaUsersReadTopics_areExactlyTheTopicsItsServiceReads() {
    List<JsonNode> rendered = Rendered.overlay("production");
    for (String service : DeployFiles.SERVICES.keySet()) {
      Set<String> reads = new TreeSet<>();
      ServiceConfig.in(rendered, service).consumers().values().forEach(c -> reads.add(c.topic()));
      Map<String, Set<String>> ownConsumers = ServiceSources.topicsReadOutsideChannels(service);
      ownConsumers.values().forEach(reads::addAll);
      Optional<JsonNode> user = DeployFiles.find(rendered, "KafkaUser", service);
      if (user.isEmpty()) {
        assertThat(reads).as(service + " reads Kafka without a KafkaUser").isEmpty();
        continue;
      }

      assertThat(readTopics(user.get()))
          .as(
              DeployFiles.id(user.get())
                  + " reads what "
                  + service
                  + "'s channels and its own consumers "
                  + ownConsumers
                  + " read")
          .isEqualTo(reads);
    }
    assertThat(DeployFiles.ofKind(rendered, "KafkaUser"))
        .extracting(DeployFiles::name)
        .as("every KafkaUser is a service's")
        .isSubsetOf(DeployFiles.SERVICES.keySet());
  }

  private static Set<String> readTopics(JsonNode user) {
    Set<String> topics = new TreeSet<>();
    for (JsonNode acl : user.at("/spec/authorization/acls")) {
      List<String> operations = DeployFiles.texts(acl.path("operations"));
      if (acl.at("/resource/type").asText().equals("topic")
          && !acl.path("type").asText("allow").equals("deny")
          && (operations.contains("Read") || operations.contains("All"))) {
        topics.add(acl.at("/resource/name").asText());
      }
    }
    return topics;
  }

  /** ACLs name only topics that exist: a typo or a retired topic shows here. */
  @Test
  void production_everyTopicAcl_namesATopicOfTopicsAll() {
    List<String> topics = Topics.ALL.stream().map(TopicSpec::name).toList();
    for (JsonNode user : DeployFiles.ofKind(Rendered.overlay("production"), "KafkaUser")) {
      for (JsonNode acl : user.at("/spec/authorization/acls")) {
        if (acl.at("/resource/type").asText().equals("topic")) {
          assertThat(topics).as(DeployFiles.id(user)).contains(acl.at("/resource/name").asText());
          assertThat(acl.at("/resource/patternType").asText("literal")).isEqualTo("literal");
        }
      }
    }
  }

  private static boolean allows(JsonNode user, Need need) {
    String operation = need.access() == Access.READ ? "Read" : "Write";
    for (JsonNode acl : user.at("/spec/authorization/acls")) {
      JsonNode resource = acl.path("resource");
      boolean matches =
          resource.path("type").asText().equals(need.resourceType())
              && (resource.path("patternType").asText("literal").equals("prefix")
                  ? need.name().startsWith(resource.path("name").asText())
                  : need.name().equals(resource.path("name").asText()));
      boolean allowed =
          !acl.path("type").asText("allow").equals("deny")
              && (DeployFiles.texts(acl.path("operations")).contains(operation)
                  || DeployFiles.texts(acl.path("operations")).contains("All"));
      if (matches && allowed) {
        return true;
      }
    }
    return false;
  }

  private static String secretValue(JsonNode secretKeyRef) {
    return "secret:" + secretKeyRef.path("name").asText() + "/" + secretKeyRef.path("key").asText();
  }
}
