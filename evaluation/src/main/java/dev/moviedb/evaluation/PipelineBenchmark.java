package dev.moviedb.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.vectors.embedding.EmbeddingModels;
import dev.moviedb.vectors.embedding.InProcessEmbedder;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Embedding pipeline throughput against the raw model, in one run: first the model alone embeds the
 * catalogue's document texts in this JVM (same model, sessions and threads as the worker) while the
 * stack is idle; then the catalogue is imported into the running stack and the clock runs until the
 * worker reports every new title searchable.
 */
@Command(
    name = "bench-pipeline",
    mixinStandardHelpOptions = true,
    description = "Titles/s from catalogue import to searchable, beside the raw model's titles/s.")
public final class PipelineBenchmark implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--catalog", required = true, description = "netflix_titles.csv to import")
  Path catalog;

  @Option(names = "--catalog-port", defaultValue = "8081")
  int catalogPort;

  @Option(names = "--worker-port", defaultValue = "8082")
  int workerPort;

  @Option(
      names = "--parallel-sessions",
      defaultValue = "2",
      description = "as the worker is configured (moviedb.embedding.parallel-sessions)")
  int parallelSessions;

  @Option(names = "--intra-op-threads", defaultValue = "1")
  int intraOpThreads;

  @Option(names = "--batch", defaultValue = "512", description = "texts per embedding call")
  int batch;

  @Option(
      names = "--raw-only",
      description = "only the raw model's titles/s (for bin/moviedb bench-reembed); no import")
  boolean rawOnly;

  @Option(names = "--model", description = "with --raw-only: the model (default: the worker's)")
  String rawModel;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) {
    System.exit(new CommandLine(new PipelineBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (rawOnly && rawModel != null) {
      List<String> texts = Catalogue.load(catalog).documentTexts();
      System.out.printf(
          "raw model %s: %.1f titles/s over the %d titles of %s%n",
          rawModel, rawTitlesPerSecond(rawModel, texts), texts.size(), catalog.getFileName());
      return 0;
    }
    JsonNode index = get("/v1/index");
    String model = index.path("model").asText();
    long before = index.path("titles").asLong();
    Catalogue catalogue = Catalogue.load(catalog);
    List<String> texts = catalogue.documentTexts();
    System.out.printf(
        "model %s, %d titles in %s, %d already in the index%n",
        model, texts.size(), catalog.getFileName(), before);

    double raw = rawTitlesPerSecond(model, texts);
    System.out.printf("raw model: %.1f titles/s%n", raw);

    long start = System.nanoTime();
    JsonNode report = importCatalogue();
    long published = report.path("published").asLong();
    double importSeconds = (System.nanoTime() - start) / 1e9;
    if (published == 0) {
      System.out.println(
          "the import published nothing: every title is already indexed. Run on a fresh stack"
              + " (MOVIEDB_HOME=... bin/moviedb up) to measure the pipeline.");
      return 1;
    }
    long target = before + report.path("published").asLong() - report.path("removed").asLong(0);
    long titles = before;
    while (titles < target) {
      Thread.sleep(200);
      titles = get("/v1/index").path("titles").asLong();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double pipeline = published / seconds;
    System.out.printf(
        "import answered after %.1f s (%d published); all searchable after %.1f s%n",
        importSeconds, published, seconds);
    System.out.println();
    System.out.println(
        "| model | titles | raw model titles/s | pipeline titles/s (import -> searchable) | pipeline"
            + " / raw |");
    System.out.println("| --- | --- | --- | --- | --- |");
    System.out.printf(
        "| %s | %d | %.1f | %.1f | %.0f %% |%n",
        model, published, raw, pipeline, 100 * pipeline / raw);
    return 0;
  }

  private double rawTitlesPerSecond(String model, List<String> texts) {
    try (InProcessEmbedder embedder =
        new InProcessEmbedder(EmbeddingModels.byId(model), parallelSessions, intraOpThreads)) {
      embedder.embedDocuments(texts.subList(0, Math.min(32, texts.size()))); // warm up
      long start = System.nanoTime();
      for (int i = 0; i < texts.size(); i += batch) {
        embedder.embedDocuments(texts.subList(i, Math.min(texts.size(), i + batch)));
      }
      return texts.size() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private JsonNode importCatalogue() throws Exception {
    String name = URLEncoder.encode(catalog.getFileName().toString(), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + catalogPort
                        + "/v1/catalog/imports?format=csv&mode=upsert&service=netflix&country=NL"
                        + "&name="
                        + name))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(catalog)))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("the import failed: " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + workerPort + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
