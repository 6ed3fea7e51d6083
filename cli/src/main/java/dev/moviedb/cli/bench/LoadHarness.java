package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.cli.CliException;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.cli.stack.StackProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load harness for recommend-api ({@code bin/moviedb bench load}): query-only, taste-only and
 * combined requests at several numbers of concurrent clients against a running stack (bin/moviedb
 * up), each run bounded in requests and time, on loopback only. Prints a Markdown table with
 * latency percentiles, throughput and the server's own breakdown (median milliseconds per stage).
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = "Measures recommend-api latency and throughput.")
public final class LoadHarness implements Callable<Integer> {

  private static final ObjectMapper JSON = StackClient.JSON;

  @Option(
      names = "--clients",
      split = ",",
      defaultValue = "1,8,32",
      description = "concurrent clients of each run (${DEFAULT-VALUE})")
  List<Integer> clients;

  @Option(names = "--seconds", defaultValue = "20", description = "duration of each run")
  int seconds;

  @Option(names = "--max-requests", defaultValue = "20000", description = "cap of each run")
  int maxRequests;

  @Option(
      names = "--liked",
      split = ",",
      defaultValue = "netflix:s2629,netflix:s1,netflix:s3,netflix:s9",
      description = "title ids the benchmark user likes")
  List<String> liked;

  @Option(
      names = "--rate-limit",
      defaultValue = "100000",
      paramLabel = "N|stack",
      description =
          "per-client requests/s recommend-api allows during the run: it is restarted with N and,"
              + " after the run, with the stack's own setting; 'stack' measures under the running"
              + " limit (${DEFAULT-VALUE})")
  String rateLimit;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final StackClient stack;
  private final StackProcesses processes;

  LoadHarness(Stack stack) {
    this.stack = new StackClient(stack);
    this.processes = new StackProcesses(stack);
  }

  @Override
  public Integer call() throws Exception {
    stack.send(Stack.RECOMMEND_API, StackClient.get(stack.uri(Stack.RECOMMEND_API, "/q/health")));
    Long raised = raisedLimit();
    if (raised != null) {
      System.out.printf(
          "Restarting recommend-api with a rate limit of %,d requests/s per client for the run...%n",
          raised);
      restartRecommendApi(
          Map.of(
              "MOVIEDB_RATE_LIMIT_REQUESTS_PER_SECOND", raised.toString(),
              "MOVIEDB_RATE_LIMIT_BURST", raised.toString()));
    }
    try {
      return measure();
    } finally {
      if (raised != null) {
        System.out.println("Restarting recommend-api with the stack's own rate limit...");
        restartRecommendApi(Map.of());
      }
    }
  }

  /** The limit to raise recommend-api to, or null to keep the running one. */
  private Long raisedLimit() {
    if ("stack".equalsIgnoreCase(rateLimit.strip())) {
      return null;
    }
    try {
      long n = Long.parseLong(rateLimit.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CliException("--rate-limit must be a positive number or 'stack'", 2);
    }
  }

  private void restartRecommendApi(Map<String, String> environment) {
    processes.stop(Stack.RECOMMEND_API);
    processes.start(Stack.RECOMMEND_API, environment);
  }

  private int measure() throws Exception {
    List<String> queries = loadQueries();
    String user = "bench-" + System.currentTimeMillis();
    String bearer = stack.userBearer(user);
    createUser(user);
    StringBuilder table = new StringBuilder();
    table.append(
        "| requests | clients | n | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |"
            + " server: embed / retrieve / score / diversify / total (median ms) |\n");
    table.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    Map<String, java.util.function.IntFunction<String>> kinds = new LinkedHashMap<>();
    kinds.put("query only", i -> "q=" + encode(queries.get(i % queries.size())));
    kinds.put("taste only", i -> "userId=" + user + "&offset=" + (i % 5));
    kinds.put("combined", i -> "userId=" + user + "&q=" + encode(queries.get(i % queries.size())));
    for (var kind : kinds.entrySet()) {
      // Requests with a userId carry that user's token, as the web page's would.
      String auth = kind.getKey().equals("query only") ? null : bearer;
      run(kind.getValue(), auth, 1, Math.min(50, maxRequests), 10); // warm-up, not reported
      for (int c : clients) {
        table.append(result(kind.getKey(), c, run(kind.getValue(), auth, c, maxRequests, seconds)));
      }
    }
    System.out.println(table);
    return 0;
  }

  private record Run(
      Histogram latency,
      long requests,
      long errors,
      double seconds,
      Map<String, Histogram> stages) {}

  private Run run(
      java.util.function.IntFunction<String> query,
      String authorization,
      int clients,
      int cap,
      int durationSeconds)
      throws InterruptedException {
    Histogram latency = new ConcurrentHistogram(3);
    Map<String, Histogram> stages = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + durationSeconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            try {
              int i;
              while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < cap) {
                long t0 = System.nanoTime();
                try {
                  HttpRequest.Builder request =
                      HttpRequest.newBuilder(
                              stack.uri(
                                  Stack.RECOMMEND_API,
                                  "/v1/recommendations?limit=10&" + query.apply(i)))
                          .timeout(Duration.ofSeconds(30));
                  if (authorization != null) {
                    request.header("Authorization", authorization);
                  }
                  HttpResponse<InputStream> r =
                      http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                  JsonNode body = JSON.readTree(r.body());
                  latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
                  if (r.statusCode() != 200) {
                    errors.incrementAndGet();
                    continue;
                  }
                  body.path("meta")
                      .path("timingsMillis")
                      .fields()
                      .forEachRemaining(
                          e ->
                              stages
                                  .computeIfAbsent(e.getKey(), k -> new ConcurrentHistogram(3))
                                  .recordValue(
                                      Math.max(1, (long) (e.getValue().asDouble() * 1000))));
                } catch (IOException e) {
                  errors.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
            } finally {
              done.countDown();
            }
          });
    }
    done.await();
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Run(latency, latency.getTotalCount(), errors.get(), elapsed, stages);
  }

  private static String result(String kind, int clients, Run r) {
    return String.format(
        "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s / %s / %s / %s / %s |%n",
        kind,
        clients,
        r.requests(),
        r.requests() / r.seconds(),
        r.latency().getValueAtPercentile(50) / 1000.0,
        r.latency().getValueAtPercentile(90) / 1000.0,
        r.latency().getValueAtPercentile(99) / 1000.0,
        r.latency().getMaxValue() / 1000.0,
        r.errors(),
        stage(r, "queryEmbedding"),
        stage(r, "retrieval"),
        stage(r, "scoring"),
        stage(r, "diversity"),
        stage(r, "total"));
  }

  private static String stage(Run r, String name) {
    Histogram h = r.stages().get(name);
    return h == null ? "-" : String.format("%.1f", h.getValueAtPercentile(50) / 1000.0);
  }

  private List<String> loadQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    try (InputStream in =
        LoadHarness.class.getResourceAsStream("/queries/labelled-queries.jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          queries.add(JSON.readTree(line).get("query").asText());
        }
      }
    }
    return queries;
  }

  /** Records likes for the benchmark user and waits until recommend-api sees a taste. */
  private void createUser(String user) throws Exception {
    for (String titleId : liked) {
      StackClient.ensureOk(
          Stack.TASTE_PROFILE_SERVICE,
          stack.send(
              Stack.TASTE_PROFILE_SERVICE,
              stack
                  .asUser(
                      HttpRequest.newBuilder(
                          stack.uri(Stack.TASTE_PROFILE_SERVICE, "/v1/users/" + user + "/events")),
                      user)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(Map.of("titleId", titleId, "signal", "LIKED"))))
                  .build()));
    }
    for (int i = 0; i < 120; i++) {
      StackClient.Answer r =
          stack.send(
              Stack.RECOMMEND_API,
              stack
                  .asUser(
                      HttpRequest.newBuilder(
                          stack.uri(
                              Stack.RECOMMEND_API, "/v1/recommendations?limit=1&userId=" + user)),
                      user)
                  .GET()
                  .build());
      if (r.ok()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new CliException(
        "the benchmark user's taste never reached recommend-api within 60 s: are the liked titles"
            + " "
            + liked
            + " in the stack's catalogue? (the default ones are from netflix_titles.csv: bin/moviedb"
            + " import it, or pass --liked)");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
