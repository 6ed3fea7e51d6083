package dev.moviedb.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
@Command(name = "bench-taste", mixinStandardHelpOptions = true)
public final class TasteBenchmark implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--taste-port", defaultValue = "8083")
  int tastePort;

  @Option(names = "--redis-port", defaultValue = "6379")
  int redisPort;

  @Option(names = "--rows", defaultValue = "3000")
  int rows;

  @Option(names = "--catalog", defaultValue = "../shared/data/catalog/netflix_titles.csv")
  Path catalog;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TasteBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String raw = TasteSignalBenchmark.redisRaw(redisPort);
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
    HttpClient http = HttpClient.newHttpClient();
    long start = System.nanoTime();
    HttpResponse<String> upload =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + tastePort + "/v1/users/" + user + "/history"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long answered = System.nanoTime();
    double uploadSeconds = (answered - start) / 1e9;
    JsonNode report = JSON.readTree(upload.body());
    long events = report.path("eventsPublished").asLong();
    long seen = TasteSignalBenchmark.profileEvents(http, JSON, tastePort, user);
    while (seen < events && (System.nanoTime() - start) < 600e9) {
      Thread.sleep(20);
      seen = TasteSignalBenchmark.profileEvents(http, JSON, tastePort, user);
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
