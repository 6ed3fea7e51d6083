package dev.moviedb.cli;

import dev.moviedb.cli.stack.IndexStatus;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.cli.stack.StackClient.Answer;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code moviedb import FILE}: a catalogue file into the running stack, through catalog-ingest. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a catalogue file into the running stack and prints catalog-ingest's report.",
      "FILE is a netflix_titles.csv (Kaggle format; *.csv) or JSON lines (any other name)."
    })
final class ImportCommand implements Callable<Integer> {

  private static final Duration WAIT_LIMIT = Duration.ofMinutes(30);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

  @Parameters(paramLabel = "FILE", description = "the catalogue file")
  Path file;

  @Option(
      names = "--snapshot",
      description = "the file is the whole catalogue of its source: titles missing from it go")
  boolean snapshot;

  @Option(
      names = "--force",
      description =
          "apply a snapshot catalog-ingest refuses (too many rejected rows, rows of another"
              + " source, no rows)")
  boolean force;

  @Option(
      names = "--wait",
      description = "then wait until the embedding worker has indexed every catalogue record")
  boolean waitUntilSearchable;

  @Option(
      names = "--service",
      defaultValue = "netflix",
      description = "streaming service the titles are declared available on (${DEFAULT-VALUE})")
  String service;

  @Option(
      names = "--country",
      defaultValue = "NL",
      description = "country of that availability (${DEFAULT-VALUE})")
  String country;

  @Spec CommandSpec spec;

  private final StackClient client;

  ImportCommand(Stack stack) {
    this.client = new StackClient(stack);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    PrintWriter out = spec.commandLine().getOut();
    String name = file.getFileName().toString();
    boolean csv = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    String query =
        "/v1/catalog/imports?format="
            + (csv ? "csv" : "jsonl")
            + "&mode="
            + (snapshot ? "snapshot" : "upsert")
            + (force ? "&force=true" : "")
            + "&service="
            + encode(service)
            + "&country="
            + encode(country)
            + "&name="
            + encode(name);
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(client.uri(Stack.CATALOG_INGEST, query))
              .header("Content-Type", csv ? "text/csv" : "application/x-ndjson")
              .header("Accept", "text/plain")
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(file.toString());
    }
    Answer answer = client.send(Stack.CATALOG_INGEST, request);
    if (answer.isText()) {
      out.print(answer.body()); // the report, written for people by catalog-ingest
      out.flush();
      if (!answer.ok()) {
        throw new CliException(
            "the import of "
                + name
                + " did not complete (catalog-ingest answered "
                + answer.status()
                + "); the report above says why");
      }
    } else {
      StackClient.ensureOk(Stack.CATALOG_INGEST, answer);
      out.println(answer.body());
    }
    if (waitUntilSearchable) {
      waitUntilIndexed(out);
    }
    return 0;
  }

  /** Polls the worker until its consumer group has indexed every catalogue record. */
  private void waitUntilIndexed(PrintWriter out) throws InterruptedException {
    out.println("Waiting until the catalogue is searchable...");
    out.flush();
    long start = System.nanoTime();
    long nextProgress = start + PROGRESS_EVERY.toNanos();
    while (true) {
      IndexStatus index =
          client
              .getIfAnswering(Stack.EMBEDDING_WORKER, "/v1/index", IndexStatus.class)
              .orElseThrow(
                  () ->
                      new CliException(
                          "the embedding worker stopped answering; see "
                              + client.stack().logOf(Stack.EMBEDDING_WORKER)));
      if (index.caughtUp()) {
        out.printf("%,d titles searchable (model %s).%n", index.titles(), index.model());
        out.flush();
        return;
      }
      long now = System.nanoTime();
      if (now - start > WAIT_LIMIT.toNanos()) {
        throw new CliException(
            "only "
                + index.titles()
                + " titles were searchable after "
                + WAIT_LIMIT.toMinutes()
                + " minutes; see "
                + client.stack().logOf(Stack.EMBEDDING_WORKER));
      }
      if (now > nextProgress) {
        out.printf(
            "  %,d titles searchable, %s catalogue records to go%n",
            index.titles(),
            index.pendingRecords() < 0 ? "?" : String.format("%,d", index.pendingRecords()));
        out.flush();
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
      Thread.sleep(250);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
