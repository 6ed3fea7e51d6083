package dev.moviedb.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.e2e.MoviedbScript.Run;
import dev.moviedb.infra.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole suite as a user runs it: {@code bin/moviedb up} starts a real Kafka broker, a real
 * Redis and the four services as separate processes, loads the sample catalogue through
 * catalog-ingest, Kafka and the embedding worker, and recommend-api answers in plain words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path ROOT = Path.of(System.getProperty("moviedb.project-root", ".."));
  private static Path home;
  private static Map<String, String> env;
  private static int recommendPort;
  private static String upOutput;
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @BeforeAll
  static void startStack() throws Exception {
    home = ROOT.resolve("e2e-tests/target/stack").toAbsolutePath();
    deleteRecursively(home);
    recommendPort = FreePorts.next();
    env =
        Map.ofEntries(
            Map.entry("MOVIEDB_HOME", home.toString()),
            Map.entry("MOVIEDB_KAFKA_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_KAFKA_CONTROLLER_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_REDIS_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_RECOMMEND_PORT", String.valueOf(recommendPort)),
            Map.entry("MOVIEDB_CATALOG_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_WORKER_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_TASTE_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_SIGNALS_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_REEMBED_PORT", String.valueOf(FreePorts.next())),
            Map.entry("MOVIEDB_CATALOG_REPLICA_PORT", String.valueOf(FreePorts.next())));
    Run up = moviedb("up");
    upOutput = up.output();
    assertThat(up.exitCode()).as(up.output()).isZero();
  }

  @AfterAll
  static void stopStack() throws Exception {
    Run down = moviedb("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    Process survivors =
        new ProcessBuilder("pgrep", "-f", home.toString() + "/").redirectErrorStream(true).start();
    String left = new String(survivors.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    survivors.waitFor(10, TimeUnit.SECONDS);
    assertThat(left.strip()).as("processes left behind by bin/moviedb down").isEmpty();
  }

  @Test
  @Order(1)
  void up_reportsTheSearchableCatalogue() {
    assertThat(upOutput).contains("MovieDB is up.").contains("203 titles searchable");
  }

  @Test
  @Order(2)
  void kingAlfredQuery_findsTheLastKingdomInTopThree() throws Exception {
    JsonNode answer = recommend("a series where King Alfred confronts the vikings", 3);
    List<String> titles = new ArrayList<>();
    answer.get("items").forEach(item -> titles.add(item.get("title").asText()));
    assertThat(titles).hasSize(3).contains("The Last Kingdom");
    JsonNode first = answer.get("items").get(0);
    assertThat(first.get("titleId").asText()).isNotBlank();
    assertThat(first.get("score").isNumber()).isTrue();
  }

  @Test
  @Order(3)
  void secondUp_saysItIsAlreadyUpInsteadOfStartingTwins() throws Exception {
    Run again = moviedb("up");
    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("already up");
  }

  @Test
  @Order(4)
  void status_showsEveryProcessRunning() throws Exception {
    Run status = moviedb("status");
    assertThat(status.output())
        .contains(
            "kafka",
            "redis",
            "catalog-ingest",
            "embedding-worker",
            "collective-signals",
            "recommend-api")
        .doesNotContain("stopped");
  }

  @Test
  @Order(4)
  void everyProcess_listensOnLoopbackOnly() throws Exception {
    for (String port :
        List.of(
            "MOVIEDB_KAFKA_PORT",
            "MOVIEDB_KAFKA_CONTROLLER_PORT",
            "MOVIEDB_REDIS_PORT",
            "MOVIEDB_RECOMMEND_PORT",
            "MOVIEDB_CATALOG_PORT",
            "MOVIEDB_WORKER_PORT",
            "MOVIEDB_TASTE_PORT")) {
      List<String> addresses = listeningAddresses(Integer.parseInt(env.get(port)));
      assertThat(addresses).as(port).isNotEmpty().allMatch(LocalStackEndToEndTest::isLoopback);
    }
  }

  @Test
  @Order(4)
  void tokens_openAUsersDataToThatUserAndAdminsOnly_andTheWebPageSignsInLocally() throws Exception {
    String anna = token("anna", false);
    assertThat(anna).as("a JWT on the last line").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    String profile = "http://localhost:" + env.get("MOVIEDB_TASTE_PORT") + "/v1/users/anna/profile";

    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(profile)));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    HttpResponse<String> bert =
        send(
            HttpRequest.newBuilder(URI.create(profile))
                .header("Authorization", "Bearer " + token("bert", false)));
    assertThat(bert.statusCode()).isEqualTo(403);
    HttpResponse<String> own =
        send(HttpRequest.newBuilder(URI.create(profile)).header("Authorization", "Bearer " + anna));
    assertThat(own.statusCode()).as(own.body()).isIn(200, 404);
    HttpResponse<String> import_ =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + env.get("MOVIEDB_CATALOG_PORT")
                            + "/v1/catalog/imports"))
                .header("Authorization", "Bearer " + anna)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{}\n")));
    assertThat(import_.statusCode()).as("a user may not import").isEqualTo(403);

    // The web page's sign-in: recommend-api gives a token that taste-profile-service accepts, and
    // taste-profile-service lets the page's own origin (and no other) call it from a browser.
    HttpResponse<String> signIn =
        send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + recommendPort + "/v1/local/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"anna\"}")));
    assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
    String pageToken = JSON.readTree(signIn.body()).path("accessToken").asText();
    HttpResponse<String> fromPage =
        send(
            HttpRequest.newBuilder(URI.create(profile))
                .header("Authorization", "Bearer " + pageToken));
    assertThat(fromPage.statusCode()).isIn(200, 404);
    assertThat(preflight(profile, "http://localhost:" + recommendPort))
        .as("the web page's origin")
        .contains("http://localhost:" + recommendPort);
    assertThat(preflight(profile, "https://elsewhere.example")).as("another site").isEmpty();
  }

  @Test
  @Order(4)
  void aClientOverTheRateLimit_isToldWhenToComeBack() throws Exception {
    String url = "http://localhost:" + recommendPort + "/v1/titles/netflix:none/similar";
    int passed = 0;
    HttpResponse<String> limited = null;
    long start = System.nanoTime();
    for (int i = 0; i < 200 && limited == null; i++) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)));
      if (r.statusCode() == 429) {
        limited = r;
      } else {
        passed++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "rate limit: %d requests answered in %.2f s, then %s with Retry-After %s%n",
        passed,
        seconds,
        limited == null ? "none" : limited.statusCode(),
        limited == null ? "-" : limited.headers().firstValue("Retry-After").orElse("-"));

    assertThat(limited).as("a 429 within 200 requests").isNotNull();
    assertThat(passed)
        .as("the burst of 40, and 20 per second refilled in %.2f s", seconds)
        .isBetween(40, 40 + (int) Math.ceil(20 * seconds) + 1);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(limited.body()).contains("rate-limited");
    assertThat(
            send(HttpRequest.newBuilder(
                    URI.create(url.replace("/v1/titles/netflix:none/similar", "/q/health/ready"))))
                .statusCode())
        .as("health is never limited")
        .isEqualTo(200);
    Thread.sleep(2_100); // the bucket refills for the tests after this one
  }

  /** The Access-Control-Allow-Origin a browser's pre-flight from {@code origin} gets. */
  private static java.util.Optional<String> preflight(String url, String origin) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    return r.headers().firstValue("Access-Control-Allow-Origin");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(5)
  void uploadedNetflixHistory_becomesTasteThatRanksAndExplains() throws Exception {
    Path history = Path.of("src/test/resources/NetflixViewingHistory.csv").toAbsolutePath();
    Run upload = moviedb("history", "anna", history.toString());
    assertThat(upload.output()).contains("\"eventsPublished\":4");

    JsonNode answer = null;
    for (int i = 0; i < 120; i++) {
      answer = get("/v1/recommendations?userId=anna&limit=5");
      if (answer.path("meta").path("usedTaste").asBoolean()) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(answer.path("meta").path("usedTaste").asBoolean()).as(answer.toString()).isTrue();
    List<String> titles = new ArrayList<>();
    answer.get("items").forEach(item -> titles.add(item.get("title").asText()));
    assertThat(titles)
        .as("watched titles are not recommended")
        .doesNotContain("The Last Kingdom", "Vikings");
    assertThat(answer.get("items").get(0).get("because").toString())
        .containsAnyOf("The Last Kingdom", "Vikings");
    assertThat(answer.get("items").get(0).get("tasteScore").isNumber()).isTrue();
  }

  @Test
  @Order(6)
  void commandErrors_areOneLineNamingTheCause() throws Exception {
    Run missing = moviedb("history", "anna", home.resolve("no-such-export.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.output().strip())
        .isEqualTo("moviedb: no such file: " + home.resolve("no-such-export.csv"));

    Run refused = moviedb("history", "anna", ROOT.resolve("README.md").toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.output().strip())
        .startsWith("moviedb: taste-profile-service answered 400: ")
        .doesNotContain("\n")
        .doesNotContain("Exception");

    Run unknown = moviedb("bench-pipeline");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.output().strip()).startsWith("moviedb: unknown command 'bench-pipeline'");
  }

  @Test
  @Order(7)
  void redisAndKafkaStoppedAndStartedAgain_theStackAnswersAndLearnsAgain() throws Exception {
    Run stopRedis = moviedb("stop", "redis");
    assertThat(stopRedis.output()).contains("redis stopped.");
    assertThat(moviedb("status").output()).containsPattern("(?m)^redis +\\d+ +stopped");
    assertThat(moviedb("start", "redis").exitCode()).isZero();
    Run stopKafka = moviedb("stop", "kafka");
    assertThat(stopKafka.output()).contains("kafka stopped.");
    Run startKafka = moviedb("start", "kafka");
    assertThat(startKafka.exitCode()).as(startKafka.output()).isZero();

    // Redis kept anna's taste (append-only file); recommend-api reads it again.
    JsonNode anna = null;
    for (int i = 0; i < 120; i++) {
      anna = getOrNull("/v1/recommendations?userId=anna&limit=3");
      if (anna != null && anna.path("meta").path("usedTaste").asBoolean()) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(anna).isNotNull();
    assertThat(anna.path("meta").path("usedTaste").asBoolean()).as(anna.toString()).isTrue();

    // A new history goes through the restarted broker into the restarted Redis.
    Path history = Path.of("src/test/resources/NetflixViewingHistory.csv").toAbsolutePath();
    Run upload = moviedb("history", "bert", history.toString());
    assertThat(upload.output()).as(upload.output()).contains("\"eventsPublished\":4");
    JsonNode bert = null;
    for (int i = 0; i < 240; i++) {
      bert = getOrNull("/v1/recommendations?userId=bert&limit=3");
      if (bert != null && bert.path("meta").path("usedTaste").asBoolean()) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(bert).isNotNull();
    assertThat(bert.path("meta").path("usedTaste").asBoolean()).as(bert.toString()).isTrue();
  }

  @Test
  @Order(8)
  void reembedWithAnotherModel_switchesWhileEveryRequestIsAnswered() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    Set<String> models = ConcurrentHashMap.newKeySet();
    Thread load =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  HttpResponse<String> r =
                      HTTP.send(
                          recommendRequest(
                              "/v1/recommendations?userId=anna&limit=3"
                                  + "&q=king+alfred+and+the+vikings"),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() == 200) {
                    answered.incrementAndGet();
                    models.add(JSON.readTree(r.body()).path("meta").path("model").asText());
                  } else {
                    failures.add(r.statusCode() + " " + r.body());
                  }
                  // A web page's pace, under the stack's rate limit of 20 requests/s.
                  Thread.sleep(100);
                } catch (IOException e) {
                  failures.add(e.toString());
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    load.start();
    Run reembed = moviedb("reembed", "--model", "all-minilm-l6-v2-q");
    stop.set(true);
    load.join();

    assertThat(reembed.exitCode()).as(reembed.output()).isZero();
    assertThat(failures).as("requests during the re-embed").isEmpty();
    assertThat(answered.get()).isGreaterThan(10);
    assertThat(models).containsExactlyInAnyOrder("bge-small-en-v1.5-q", "all-minilm-l6-v2-q");
    JsonNode answer = recommend("a series where King Alfred confronts the vikings", 3);
    assertThat(answer.path("meta").path("model").asText()).isEqualTo("all-minilm-l6-v2-q");
    // The series and its film share a franchise, so one of them stands for both.
    assertThat(answer.toString()).containsAnyOf("The Last Kingdom", "Seven Kings Must Die");
    JsonNode anna = get("/v1/recommendations?userId=anna&limit=5");
    assertThat(anna.path("meta").path("usedTaste").asBoolean())
        .as("the taste is composed from the new model's vectors")
        .isTrue();
    assertThat(anna.get("items").get(0).get("because").toString())
        .containsAnyOf("The Last Kingdom", "Vikings");
  }

  @Test
  @Order(9)
  void afterTheModelSwitch_aNewEventKeepsTheWholeHistory() throws Exception {
    // Until issue 14 the first signal resolved with the new model wiped the user's history.
    JsonNode before = profile("anna");
    assertThat(before.path("counts").path("WATCHED").asInt()).as(before.toString()).isEqualTo(3);
    HttpResponse<String> liked =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + env.get("MOVIEDB_TASTE_PORT")
                            + "/v1/users/anna/events"))
                .header("Authorization", "Bearer " + token("anna", false))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Barbarians\",\"signal\":\"LIKED\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(liked.statusCode()).as(liked.body()).isEqualTo(202);

    JsonNode after = profile("anna");
    for (int i = 0; i < 120 && after.path("counts").path("LIKED").asInt() < 1; i++) {
      Thread.sleep(500);
      after = profile("anna");
    }
    assertThat(after.path("counts").path("LIKED").asInt()).as(after.toString()).isEqualTo(1);
    assertThat(after.path("counts").path("WATCHED").asInt()).as("the history before").isEqualTo(3);
    List<String> titles = new ArrayList<>();
    after.path("topTitles").forEach(t -> titles.add(t.path("title").asText()));
    assertThat(titles).contains("The Last Kingdom", "Vikings", "Barbarians");
    assertThat(after.path("unresolved").get(0).path("rawTitle").asText())
        .isEqualTo("Een titel die niet bestaat");
    JsonNode anna = get("/v1/recommendations?userId=anna&limit=5");
    assertThat(anna.path("meta").path("usedTaste").asBoolean()).isTrue();
  }

  @Test
  @Order(10)
  void aUserExportsTheirDataAndErasesIt_andTheirEventsNeverComeBack() throws Exception {
    String taste = "http://localhost:" + env.get("MOVIEDB_TASTE_PORT") + "/v1/users/bert";
    String bert = "Bearer " + token("bert", false);
    HttpResponse<String> export =
        send(HttpRequest.newBuilder(URI.create(taste + "/export")).header("Authorization", bert));
    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    JsonNode data = JSON.readTree(export.body());
    assertThat(data.path("taste").path("titles").size()).isPositive();
    assertThat(data.path("watchEvents").size())
        .as("the raw events user.watch-events holds for bert")
        .isEqualTo(4);

    HttpResponse<String> erased =
        send(HttpRequest.newBuilder(URI.create(taste)).header("Authorization", bert).DELETE());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    // A restart of taste-profile-service brings nothing of bert back.
    assertThat(moviedb("stop", "taste-profile-service").exitCode()).isZero();
    assertThat(moviedb("start", "taste-profile-service").exitCode()).isZero();
    HttpResponse<String> profile =
        send(HttpRequest.newBuilder(URI.create(taste + "/profile")).header("Authorization", bert));
    assertThat(profile.statusCode()).isEqualTo(404);
    JsonNode after = get("/v1/recommendations?userId=bert&q=vikings&limit=3");
    assertThat(after.path("meta").path("usedTaste").asBoolean()).isFalse();
  }

  @Test
  @Order(11)
  void downAndUpAgain_keepsTheCatalogueAndTheModel() throws Exception {
    assertThat(moviedb("down").exitCode()).isZero();
    Run up = moviedb("up");
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output()).containsPattern("(?m)^  published +0$");
    JsonNode answer = recommend("a series where King Alfred confronts the vikings", 3);
    assertThat(answer.toString()).containsAnyOf("The Last Kingdom", "Seven Kings Must Die");
    assertThat(answer.path("meta").path("model").asText()).isEqualTo("all-minilm-l6-v2-q");
  }

  @Test
  @Order(12)
  void killedWorkerInTheMiddleOfTheRealCatalogue_endsWithEveryTitleExactlyOnce() throws Exception {
    Path catalogue =
        Path.of(System.getProperty("moviedb.shared-data", "../../shared/data"))
            .resolve("catalog/netflix_titles.csv")
            .toAbsolutePath();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.exists(catalogue), "../shared/data/catalog/netflix_titles.csv is absent: skipped");
    long before = indexed();
    Run imported = moviedb("import", catalogue.toString());
    assertThat(imported.output()).contains("published       8,807");
    // Titles of the real catalogue that are works of the sample already join them: the index
    // holds one entry per work.
    java.util.regex.Matcher works =
        java.util.regex.Pattern.compile("works: ([\\d,]+) new").matcher(imported.output());
    assertThat(works.find()).as(imported.output()).isTrue();
    long newWorks = Long.parseLong(works.group(1).replace(",", ""));
    assertThat(newWorks).isLessThan(8807);

    while (indexed() < before + 500) {
      Thread.sleep(200);
    }
    long pid = Long.parseLong(Files.readString(home.resolve("run/embedding-worker.pid")).strip());
    long beforeKill = indexed();
    new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(50);
    }
    long atCrash = indexed();
    assertThat(atCrash).isLessThan(before + newWorks);

    long killedAt = System.nanoTime();
    Run restarted = moviedb("start", "embedding-worker");
    assertThat(restarted.exitCode()).as(restarted.output()).isZero();
    for (int i = 0; i < 900 && indexed() < before + newWorks; i++) {
      Thread.sleep(500);
    }
    double recovered = (System.nanoTime() - killedAt) / 1e9;
    assertThat(indexed()).isEqualTo(before + newWorks);
    Thread.sleep(3000);
    System.out.printf(
        "FAULT embedding-worker killed -9 with about %d of %d new works indexed: %d works in the index"
            + " afterwards (expected %d, the index is keyed by work id); complete %.1f s after"
            + " the kill (restart included)%n",
        beforeKill - before, newWorks, indexed(), before + newWorks, recovered);
    assertThat(indexed()).as("no work twice after redelivery").isEqualTo(before + newWorks);
    // The Last Kingdom is now a work of two sources; asked by the real catalogue's id, it is the
    // work anna watched, and it does not come back to her under either source.
    assertThat(get("/v1/titles/netflix:s2629/similar?limit=3").path("items")).hasSize(3);
    JsonNode anna = get("/v1/recommendations?userId=anna&limit=20&q=vikings+and+saxons+in+england");
    List<String> titles = new ArrayList<>();
    anna.path("items").forEach(item -> titles.add(item.path("title").asText()));
    assertThat(titles).as(anna.toString()).doesNotContain("The Last Kingdom");
  }

  @Test
  @Order(13)
  void redisStoppedFor20sDuringA3000RowHistoryUpload_everyEventAppliedExactlyOnce()
      throws Exception {
    Path history = home.resolve("fault-history.csv");
    Files.writeString(history, generatedHistory(3000));
    // The reference: the same history, uploaded and applied with every process up.
    Run reference = moviedb("history", "dora", history.toString());
    assertThat(reference.output()).as(reference.output()).contains("\"eventsPublished\":3000");
    JsonNode expected = awaitProfileEvents("dora", 3000, 300);
    double redeliveriesBefore = tasteMetric("moviedb_taste_events_duplicates_total");

    long stoppedAt = System.nanoTime();
    assertThat(moviedb("stop", "redis").output()).contains("redis stopped.");
    Run upload = moviedb("history", "carla", history.toString());
    assertThat(upload.output()).as(upload.output()).contains("\"eventsPublished\":3000");
    long uploadSeconds = (System.nanoTime() - stoppedAt) / 1_000_000_000L;
    boolean notReady = tasteConsumptionDown();
    Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
    assertThat(tasteConsumptionDown())
        .as("taste-profile-service not ready while Redis is down")
        .isTrue();
    Run start = moviedb("start", "redis");
    assertThat(start.exitCode()).as(start.output()).isZero();
    long startedAt = System.nanoTime();
    JsonNode carla = awaitProfileEvents("carla", 3000, 300);
    double recovered = (System.nanoTime() - startedAt) / 1e9;
    Thread.sleep(3000);
    carla = profile("carla");
    long applied = profileEvents(carla);
    double redeliveries = tasteMetric("moviedb_taste_events_duplicates_total") - redeliveriesBefore;
    long deadLetters = deadLetters("carla");
    System.out.printf(
        "FAULT redis stopped %.1f s during a 3,000-row history upload (upload answered within %d s"
            + " of the stop, readiness DOWN seen: %s): published 3000, applied %d, lost %d, dead"
            + " letters %d, redeliveries absorbed %.0f; every event applied %.2f s after Redis"
            + " started again%n",
        (startedAt - stoppedAt) / 1e9,
        uploadSeconds,
        notReady,
        applied,
        3000 - applied,
        deadLetters,
        redeliveries,
        recovered);
    assertThat(applied).as("events applied, each once").isEqualTo(3000);
    assertThat(deadLetters).as("nothing good dead-lettered").isZero();
    assertThat(carla.path("counts")).isEqualTo(expected.path("counts"));
    assertThat(carla.path("positiveWeight").asDouble())
        .as("the same weights as the history applied without a fault (nothing doubled)")
        .isCloseTo(
            expected.path("positiveWeight").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(1e-6));
    assertThat(tasteConsumptionDown()).as("ready again").isFalse();
  }

  @Test
  @Order(14)
  void twoCatalogIngestReplicas_eachDiffsAgainstWhatTheOtherPublished() throws Exception {
    Run started = moviedb("start", "catalog-ingest-replica");
    assertThat(started.exitCode()).as(started.output()).isZero();
    try {
      String replica = "http://localhost:" + env.get("MOVIEDB_CATALOG_REPLICA_PORT");
      String primary = "http://localhost:" + env.get("MOVIEDB_CATALOG_PORT");
      String rows =
          "{\"source\":\"replica\",\"nativeId\":\"a\",\"type\":\"MOVIE\",\"title\":\"Salt"
              + " Roads\",\"year\":2011,\"runtimeMinutes\":95,\"genres\":[\"Drama\"]}\n"
              + "{\"source\":\"replica\",\"nativeId\":\"b\",\"type\":\"MOVIE\",\"title\":\"Paper"
              + " Boats\",\"year\":2012,\"runtimeMinutes\":90,\"genres\":[\"Drama\"]}\n";
      JsonNode added = importOn(replica, rows, "");
      assertThat(added.path("published").asInt()).as(added.toString()).isEqualTo(2);
      long answered = System.nanoTime();
      awaitStatus(primary + "/v1/catalog/titles/replica:a", 200);
      awaitStatus(primary + "/v1/catalog/titles/replica:b", 200);
      double followed = (System.nanoTime() - answered) / 1e9;

      // A snapshot on the primary removes the title the replica added; the replica follows that.
      String onlyA = rows.substring(0, rows.indexOf('\n') + 1);
      JsonNode snapshot = importOn(primary, onlyA, "&mode=snapshot");
      assertThat(snapshot.path("removed").asInt()).as(snapshot.toString()).isEqualTo(1);
      assertThat(snapshot.path("unchanged").asInt()).isEqualTo(1);
      awaitStatus(replica + "/v1/catalog/titles/replica:b", 404);
      JsonNode again = importOn(replica, onlyA, "");
      assertThat(again.path("published").asInt()).as("nothing stale republished").isZero();
      assertThat(again.path("unchanged").asInt()).isEqualTo(1);
      System.out.printf(
          "REPLICAS two catalog-ingest processes on one broker: a title imported on one is in the"
              + " other's state %.2f s after the import answered; a snapshot on the other removed"
              + " it (removed 1), and the first republished nothing%n",
          followed);
    } finally {
      assertThat(moviedb("stop", "catalog-ingest-replica").exitCode()).isZero();
    }
  }

  /** An import of JSON lines on one catalog-ingest, as an admin: its report. */
  private static JsonNode importOn(String base, String rows, String query) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/v1/catalog/imports?name=replica.jsonl&source=replica" + query))
                .header("Authorization", "Bearer " + token("e2e-admin", true))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(rows)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Waits (30 s at most) until a GET of the catalogue, as an admin, answers this status. */
  private static void awaitStatus(String url, int status) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    int last = -1;
    while (System.nanoTime() < deadline) {
      last =
          send(HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token("e2e-admin", true)))
              .statusCode();
      if (last == status) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(url + " answered " + last + ", not " + status + ", for 30 s");
  }

  /**
   * A Netflix viewing history of {@code rows} rows: episodes of two series of the sample catalogue,
   * three a day, every (title, date) once.
   */
  private static String generatedHistory(int rows) {
    StringBuilder csv = new StringBuilder("Title,Date\n");
    java.time.LocalDate day = java.time.LocalDate.of(2025, 12, 31);
    java.time.format.DateTimeFormatter dutch =
        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yy");
    for (int i = 0; i < rows; i++) {
      int n = i % 120;
      String series = n < 60 ? "The Last Kingdom" : "Vikings";
      csv.append('"')
          .append(series)
          .append(": Seizoen ")
          .append(1 + (n % 60) / 10)
          .append(": Aflevering ")
          .append(1 + n % 10)
          .append("\",\"")
          .append(day.minusDays(i / 3).format(dutch))
          .append("\"\n");
    }
    return csv.toString();
  }

  /** Every event of a profile: resolved ones by signal, and unresolved ones. */
  private static long profileEvents(JsonNode profile) {
    long seen = 0;
    for (JsonNode count : profile.path("counts")) {
      seen += count.asLong();
    }
    for (JsonNode unresolved : profile.path("unresolved")) {
      seen += unresolved.path("count").asLong();
    }
    return seen;
  }

  /** The user's profile once it holds {@code events} events (or the last one seen). */
  private static JsonNode awaitProfileEvents(String user, long events, int seconds)
      throws Exception {
    JsonNode last = null;
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + env.get("MOVIEDB_TASTE_PORT")
                              + "/v1/users/"
                              + user
                              + "/profile"))
                  .header("Authorization", "Bearer " + token(user, false)));
      if (r.statusCode() == 200) {
        last = JSON.readTree(r.body());
        if (profileEvents(last) >= events) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    assertThat(last).as("a profile of " + user).isNotNull();
    return last;
  }

  /** Whether taste-profile-service says its watch-event consumption is paused. */
  private static boolean tasteConsumptionDown() throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + env.get("MOVIEDB_TASTE_PORT") + "/q/health/ready")));
    for (JsonNode check : JSON.readTree(r.body()).path("checks")) {
      if (check.path("name").asText().equals("watch-event-consumption")) {
        return check.path("status").asText().equals("DOWN");
      }
    }
    throw new AssertionError("no watch-event-consumption check in " + r.body());
  }

  /** A counter of taste-profile-service's Prometheus metrics (0 when absent). */
  private static double tasteMetric(String name) throws Exception {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                URI.create("http://localhost:" + env.get("MOVIEDB_TASTE_PORT") + "/q/metrics")));
    double total = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  /** Records under the user's key on user.watch-events.dlq. */
  private static long deadLetters(String user) {
    java.util.Properties props = new java.util.Properties();
    props.put("bootstrap.servers", "localhost:" + env.get("MOVIEDB_KAFKA_PORT"));
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
            props,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor("user.watch-events.dlq").stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      long found = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (var r : consumer.poll(java.time.Duration.ofMillis(500))) {
          if (user.equals(r.key())) {
            found++;
          }
        }
      }
      return found;
    }
  }

  private static long indexed() throws IOException, InterruptedException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:" + env.get("MOVIEDB_WORKER_PORT") + "/v1/index"))
                  .header("Authorization", "Bearer " + token("e2e-admin", true))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? JSON.readTree(r.body()).path("titles").asLong() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static JsonNode profile(String user) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + env.get("MOVIEDB_TASTE_PORT")
                            + "/v1/users/"
                            + user
                            + "/profile"))
                .header("Authorization", "Bearer " + token(user, false))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The answer of recommend-api, or null while it answers an error or nothing. */
  private static JsonNode getOrNull(String pathAndQuery) throws InterruptedException {
    try {
      HttpResponse<String> response =
          HTTP.send(recommendRequest(pathAndQuery), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Local addresses of the sockets listening on a TCP port, from /proc/net/tcp and tcp6. */
  private static List<String> listeningAddresses(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    String hexPort = String.format(":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) { // 0A = LISTEN
          addresses.add(f[1].substring(0, f[1].length() - hexPort.length()));
        }
      }
    }
    return addresses;
  }

  /** 127.0.0.1 (0100007F), ::1, or 127.0.0.1 mapped into IPv6. */
  private static boolean isLoopback(String hexAddress) {
    return hexAddress.equals("0100007F")
        || hexAddress.equals("00000000000000000000000001000000")
        || hexAddress.equals("0000000000000000FFFF00000100007F");
  }

  private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(recommendRequest(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** A GET of recommend-api; a request naming a user carries that user's token. */
  private static HttpRequest recommendRequest(String pathAndQuery) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + recommendPort + pathAndQuery))
            .GET();
    java.util.regex.Matcher user =
        java.util.regex.Pattern.compile("[?&]userId=([^&]+)").matcher(pathAndQuery);
    if (user.find()) {
      request.header("Authorization", "Bearer " + token(user.group(1), false));
    }
    return request.build();
  }

  /** {@code bin/moviedb token USER [--admin]}: its last line, kept for the run. */
  private static String token(String user, boolean admin) {
    return TOKENS.computeIfAbsent(
        user + (admin ? "+admin" : ""),
        k -> {
          try {
            Run run = admin ? moviedb("token", user, "--admin") : moviedb("token", user);
            assertThat(run.exitCode()).as(run.output()).isZero();
            String[] lines = run.output().strip().split("\\R");
            return lines[lines.length - 1].strip();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  private static JsonNode recommend(String query, int limit)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            "http://localhost:"
                + recommendPort
                + "/v1/recommendations?limit="
                + limit
                + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Run moviedb(String... args) throws IOException, InterruptedException {
    return MoviedbScript.run(ROOT, env, args);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    MoviedbScript.deleteRecursively(dir);
  }
}
