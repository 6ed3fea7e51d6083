package dev.moviedb.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.cli.stack.Stack;
import dev.moviedb.cli.stack.StackClient;
import dev.moviedb.evaluation.Catalogue;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times a Netflix viewing-history upload against a running stack: from the upload of a generated
 * {@code NetflixViewingHistory.csv} (real catalogue titles, episodes in Dutch, dates DD-MM-YY) to
 * the moment the user's profile holds every event, resolved or not. The path: the upload resolves
 * every title against the catalogue and publishes the events to {@code user.watch-events}; the same
 * service applies them to Redis a poll at a time. Beside it, in the same run, redis-benchmark's raw
 * figure for the same Redis. The file is generated here, never stored.
 */
@Command(
    name = "taste",
    mixinStandardHelpOptions = true,
    description =
        "Times a generated Netflix viewing-history upload until the user's profile holds every"
            + " event.")
public final class TasteBenchmark implements Callable<Integer> {

  private static final ObjectMapper JSON = StackClient.JSON;

  @Option(names = "--rows", defaultValue = "3000", description = "rows of the generated history")
  int rows;

  @Option(
      names = "--catalog",
      defaultValue = "../shared/data/catalog/netflix_titles.csv",
      paramLabel = "FILE",
      description = "the catalogue the stack holds, to draw titles from (${DEFAULT-VALUE})")
  Path catalog;

  private final StackClient stack;

  TasteBenchmark(Stack stack) {
    this.stack = new StackClient(stack);
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(catalog)) {
      throw new NoSuchFileException(catalog.toString());
    }
    String raw = TasteSignalBenchmark.redisRaw(stack.stack().port(Stack.REDIS));
    List<TitlePublished> titles = Catalogue.load(catalog).titles();
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("Title,Date\n");
    LocalDate day = LocalDate.of(2025, 12, 31);
    DateTimeFormatter dutch = DateTimeFormatter.ofPattern("dd-MM-yy");
    for (int i = 0; i < rows; i++) {
      TitlePublished t = titles.get(random.nextInt(titles.size()));
      String title =
          t.type() == TitleType.SERIES
              ? t.title() + ": Seizoen 1: Aflevering " + (1 + random.nextInt(10))
              : t.title();
      csv.append('"').append(title.replace("\"", "\"\"")).append("\",\"");
      csv.append(day.minusDays(i / 3).format(dutch)).append("\"\n");
    }
    String user = "bench-taste-" + System.currentTimeMillis();
    long start = System.nanoTime();
    StackClient.Answer upload =
        StackClient.ensureOk(
            Stack.TASTE_PROFILE_SERVICE,
            stack.send(
                Stack.TASTE_PROFILE_SERVICE,
                HttpRequest.newBuilder(
                        stack.uri(Stack.TASTE_PROFILE_SERVICE, "/v1/users/" + user + "/history"))
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                    .build()));
    long answered = System.nanoTime();
    double uploadSeconds = (answered - start) / 1e9;
    JsonNode report = JSON.readTree(upload.body());
    long events = report.path("eventsPublished").asLong();
    long seen = TasteSignalBenchmark.profileEvents(stack, user);
    while (seen < events && (System.nanoTime() - start) < 600e9) {
      Thread.sleep(20);
      seen = TasteSignalBenchmark.profileEvents(stack, user);
    }
    long complete = System.nanoTime();
    System.out.printf(
        "rows %d, events published %d (%d resolved), upload answered in %.2f s, profile complete"
            + " %.2f s after the answer (%s), %.2f s in all: %.0f events/s end to end%n",
        rows,
        events,
        report.path("eventsResolved").asLong(),
        uploadSeconds,
        (complete - answered) / 1e9,
        seen >= events ? "all events applied" : "TIMED OUT at " + seen,
        (complete - start) / 1e9,
        events / ((complete - start) / 1e9));
    System.out.println(raw);
    return seen >= events ? 0 : 1;
  }
}
