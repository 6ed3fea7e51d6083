package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moviedb.cli.CliException;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.evaluation.Catalogue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Embedding pipeline throughput against the raw model, in one run: first the model alone embeds the
 * catalogue's document texts in this JVM (same model, sessions and threads as the worker) while the
 * stack is idle; then the catalogue is imported into the running stack and the clock runs until the
 * worker reports every new title searchable.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = {
      "Titles/s from catalogue import to searchable, beside the raw model's titles/s.",
      "Run it on a fresh stack (MOVIEDB_HOME=... bin/moviedb up): titles already indexed are not"
          + " embedded again."
    })
public final class PipelineBenchmark implements Callable<Integer> {

  @Option(
      names = "--catalog",
      required = true,
      paramLabel = "FILE",
      description = "netflix_titles.csv to import")
  Path catalog;

  @Mixin RawModel rawModel;

  private final StackClient stack;

  PipelineBenchmark(Stack stack) {
    this.stack = new StackClient(stack);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(catalog)) {
      throw new NoSuchFileException(catalog.toString());
    }
    JsonNode index = get("/v1/index");
    String model = index.path("model").asText();
    long before = index.path("titles").asLong();
    Catalogue catalogue = Catalogue.load(catalog);
    List<String> texts = catalogue.documentTexts();
    System.out.printf(
        "model %s, %d titles in %s, %d already in the index%n",
        model, texts.size(), catalog.getFileName(), before);

    double raw = rawModel.titlesPerSecond(model, texts);
    System.out.printf("raw model: %.1f titles/s%n", raw);

    long start = System.nanoTime();
    JsonNode report = importCatalogue();
    long published = report.path("published").asLong();
    double importSeconds = (System.nanoTime() - start) / 1e9;
    if (published == 0) {
      throw new CliException(
          "the import published nothing: every title is already indexed. Run on a fresh stack"
              + " (MOVIEDB_HOME=... bin/moviedb up) to measure the pipeline.");
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

  private JsonNode importCatalogue() throws Exception {
    String name = URLEncoder.encode(catalog.getFileName().toString(), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                stack.uri(
                    Stack.CATALOG_INGEST,
                    "/v1/catalog/imports?format=csv&mode=upsert&service=netflix&country=NL"
                        + "&name="
                        + name))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(catalog))
            .build();
    StackClient.Answer answer = stack.send(Stack.CATALOG_INGEST, request);
    if (answer.status() >= 300) {
      throw new CliException(
          "the import failed: " + StackClient.refused(Stack.CATALOG_INGEST, answer).getMessage());
    }
    return StackClient.JSON.readTree(answer.body());
  }

  private JsonNode get(String path) {
    return stack.get(Stack.EMBEDDING_WORKER, path, JsonNode.class);
  }
}
