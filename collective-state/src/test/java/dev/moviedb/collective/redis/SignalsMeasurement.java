package dev.moviedb.collective.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moviedb.collective.BatchSignals;
import dev.moviedb.collective.Neighbour;
import dev.moviedb.collective.Scope;
import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.SignalState;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.Watched;
import dev.moviedb.collective.redis.CollectiveWriter.Change;
import dev.moviedb.collective.redis.CollectiveWriter.Watch;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measurements for docs/SIGNALS.md, on MovieLens ml-latest-small from ../shared/data (never
 * committed). Not part of the build: run with {@code -Dmoviedb.measure=true}, see the document.
 *
 * <p>Quality: the held-out protocol of docs/EVALUATION.md (ratings linked to the catalogue; per
 * user with at least 10, the newest 20 % held out; users in id order, up to 200, each with a
 * held-out title rated >= 4 that is not a training title). The training ratings of every user are
 * the stream (>= 4 LIKED, <= 2 DISLIKED, else WATCHED; at their timestamps); the co-watch state is
 * {@link BatchSignals} of it, which the writer equals. A user's list: the training titles rated >=
 * 4 (all counting ones when none) each give their top-K neighbours their score; summed; training
 * titles dropped. Cost: the same ratings replayed through the writer into a real Redis.
 */
@EnabledIfSystemProperty(named = "moviedb.measure", matches = "true")
class SignalsMeasurement extends CollectiveRedisTest {

  private static final Path DATA =
      Path.of(System.getProperty("moviedb.shared-data", "../../shared/data"), "movielens");
  private static final int MAX_USERS = 200;
  private static final StringBuilder REPORT = new StringBuilder();

  record Rating(int user, String item, double rating, long timestamp) {}

  record Split(int user, List<Rating> train, List<Rating> test) {}

  @Test
  void coWatchQuality_onMovieLens_linkedAndFull() throws IOException {
    List<Rating> full = load(false);
    List<Rating> linked = load(true);
    quality("linked to the catalogue (what the product sees)", linked);
    quality("full ml-latest-small (denser, for context)", full);
    write();
  }

  private void quality(String name, List<Rating> ratings) {
    Map<Integer, List<Rating>> byUser = new TreeMap<>();
    ratings.forEach(r -> byUser.computeIfAbsent(r.user(), u -> new ArrayList<>()).add(r));
    List<Split> splits = new ArrayList<>();
    Map<String, List<Watched>> stream = new LinkedHashMap<>();
    Map<String, Integer> popularity = new HashMap<>();
    for (var e : byUser.entrySet()) {
      Split s = split(e.getKey(), e.getValue());
      splits.add(s);
      for (Rating r : s.train()) {
        popularity.merge(r.item(), 1, Integer::sum);
        if (r.rating() > 2) {
          stream
              .computeIfAbsent("u" + r.user(), u -> new ArrayList<>())
              .add(new Watched(r.item(), Scope.GLOBAL, Instant.ofEpochSecond(r.timestamp())));
        }
      }
    }
    List<Split> scored = new ArrayList<>();
    int noLike = 0;
    for (Split s : splits) {
      if (s.test().isEmpty() || scored.size() >= MAX_USERS) {
        continue;
      }
      if (liked(s).isEmpty()) {
        noLike++;
      } else {
        scored.add(s);
      }
    }
    REPORT
        .append("\n### ")
        .append(name)
        .append("\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d ratings, %d users, %d titles; %d users scored, %d skipped without a held-out"
                    + " liked title.%n%n",
                ratings.size(),
                byUser.size(),
                popularity.size(),
                scored.size(),
                noLike))
        .append("| ranking | pair reach N | min users | hit@10 | nDCG@10 |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    row(
        "popularity (training ratings)",
        "-",
        "-",
        evaluate(scored, s -> popularList(s, popularity)));
    for (int n : new int[] {5, 10, 20, 50}) {
      SignalState state = BatchSignals.compute(stream, new SignalParams(n, 200, 1000, 50, 1));
      for (int minUsers : new int[] {1, 2, 3}) {
        SignalParams params = new SignalParams(n, 200, 1000, 50, minUsers);
        for (Similarity sim : Similarity.values()) {
          Map<String, List<Neighbour>> cache = new HashMap<>();
          double[] m =
              evaluate(scored, s -> coWatchList(s, state, sim, params, cache, popularity, false));
          row("co-watch " + sim.name().toLowerCase(Locale.ROOT), "" + n, "" + minUsers, m);
        }
        if (n == 10 && minUsers == 3) {
          Map<String, List<Neighbour>> cache = new HashMap<>();
          double[] m =
              evaluate(
                  scored,
                  s -> coWatchList(s, state, Similarity.COSINE, params, cache, popularity, true));
          row("co-watch cosine, popularity fills the list", "" + n, "" + minUsers, m);
        }
      }
    }
  }

  private static void row(String ranking, String n, String minUsers, double[] m) {
    REPORT.append(
        String.format(
            Locale.ROOT, "| %s | %s | %s | %.3f | %.3f |%n", ranking, n, minUsers, m[0], m[1]));
  }

  private static Set<String> liked(Split s) {
    Set<String> train = new HashSet<>();
    s.train().forEach(r -> train.add(r.item()));
    Set<String> liked = new LinkedHashSet<>();
    s.test().stream().filter(r -> r.rating() >= 4).forEach(r -> liked.add(r.item()));
    liked.removeAll(train);
    return liked;
  }

  private static double[] evaluate(
      List<Split> users, java.util.function.Function<Split, List<String>> ranker) {
    double hits = 0;
    double ndcg = 0;
    for (Split s : users) {
      Set<String> relevant = liked(s);
      List<String> top = ranker.apply(s);
      double dcg = 0;
      boolean hit = false;
      for (int i = 0; i < Math.min(10, top.size()); i++) {
        if (relevant.contains(top.get(i))) {
          hit = true;
          dcg += 1 / (Math.log(i + 2) / Math.log(2));
        }
      }
      double ideal = 0;
      for (int i = 0; i < Math.min(10, relevant.size()); i++) {
        ideal += 1 / (Math.log(i + 2) / Math.log(2));
      }
      hits += hit ? 1 : 0;
      ndcg += dcg / ideal;
    }
    return new double[] {hits / users.size(), ndcg / users.size()};
  }

  private static Set<String> trainItems(Split s) {
    Set<String> out = new HashSet<>();
    s.train().forEach(r -> out.add(r.item()));
    return out;
  }

  private static List<String> popularList(Split s, Map<String, Integer> popularity) {
    Set<String> train = trainItems(s);
    return popularity.entrySet().stream()
        .filter(e -> !train.contains(e.getKey()))
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(10)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static List<String> coWatchList(
      Split s,
      SignalState state,
      Similarity sim,
      SignalParams params,
      Map<String, List<Neighbour>> cache,
      Map<String, Integer> popularity,
      boolean fill) {
    Set<String> train = trainItems(s);
    List<String> seeds =
        s.train().stream().filter(r -> r.rating() >= 4).map(Rating::item).distinct().toList();
    if (seeds.isEmpty()) {
      seeds = s.train().stream().filter(r -> r.rating() > 2).map(Rating::item).distinct().toList();
    }
    Map<String, Double> score = new HashMap<>();
    for (String seed : seeds) {
      for (Neighbour nb : cache.computeIfAbsent(seed, i -> state.neighbours(i, sim, params))) {
        if (!train.contains(nb.item())) {
          score.merge(nb.item(), nb.score(), Double::sum);
        }
      }
    }
    List<String> out =
        new ArrayList<>(
            score.entrySet().stream()
                .sorted(
                    Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(
                            e -> -popularity.getOrDefault(e.getKey(), 0), Comparator.naturalOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .map(Map.Entry::getKey)
                .toList());
    if (fill && out.size() < 10) {
      for (String p : popularList(s, popularity)) {
        if (out.size() >= 10) {
          break;
        }
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Test
  void costPerEvent_replayingMovieLensThroughTheWriter() throws IOException {
    List<Rating> ratings = new ArrayList<>(load(false));
    ratings.removeIf(r -> r.rating() <= 2);
    ratings.sort(Comparator.comparingLong(Rating::timestamp).thenComparingInt(Rating::user));
    SignalParams params = SignalParams.DEFAULTS;
    CollectiveWriter writer = new CollectiveWriter(redis, params, Similarity.COSINE);
    command(Request.cmd(Command.CONFIG).arg("RESETSTAT"));
    long memoryBefore = memory();
    long start = System.nanoTime();
    int batchSize = 500;
    for (int i = 0; i < ratings.size(); i += batchSize) {
      Map<String, List<Watched>> byUser = new LinkedHashMap<>();
      for (Rating r : ratings.subList(i, Math.min(ratings.size(), i + batchSize))) {
        byUser
            .computeIfAbsent("u" + r.user(), u -> new ArrayList<>())
            .add(
                new Watched(
                    r.item(), Scope.of("netflix", "NL"), Instant.ofEpochSecond(r.timestamp())));
      }
      List<Change> changes = new ArrayList<>();
      byUser.forEach((u, w) -> changes.add(new Watch(u, w)));
      writer.apply(changes);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String stats = info("stats");
    String commands = info("commandstats");
    long calls = 0;
    for (String line : commands.split("\r?\n")) {
      int at = line.indexOf("calls=");
      if (at >= 0) {
        calls += Long.parseLong(line.substring(at + 6, line.indexOf(',', at)));
      }
    }
    long inBytes = field(stats, "total_net_input_bytes");
    long outBytes = field(stats, "total_net_output_bytes");
    long memoryAfter = memory();
    long refreshStart = System.nanoTime();
    int refreshed = writer.refreshAll();
    double refreshSeconds = (System.nanoTime() - refreshStart) / 1e9;
    long memoryWithTop = memory();
    long userBytes = sumMemory("moviedb:signals:*");
    long trendingBytes = sumMemory("moviedb:trending:*");
    long coWatchBytes = sumMemory("moviedb:cowatch:*");
    long users = ratings.stream().map(Rating::user).distinct().count();
    SignalState state = new CollectiveReader(redis, 1, java.time.Clock.systemUTC()).snapshot();
    long pairs = state.rows().values().stream().mapToLong(Map::size).sum() / 2;
    REPORT
        .append("\n### Cost: ml-latest-small replayed through the writer\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d counting ratings (rating > 2) of %d users on %d titles, in time order, batches"
                    + " of %d, scope netflix:NL, defaults N=%d L=%d M=%d K=%d.%n%n",
                ratings.size(),
                users,
                state.counts().size(),
                batchSize,
                params.pairReach(),
                params.recentTitles(),
                params.contributions(),
                params.neighbours()))
        .append("| measure | value |\n| --- | --- |\n")
        .append(
            String.format(
                Locale.ROOT, "| events/s (one writer) | %.0f |%n", ratings.size() / seconds))
        .append(
            String.format(
                Locale.ROOT,
                "| Redis commands per event (inside scripts included) | %.1f |%n",
                (double) calls / ratings.size()))
        .append(
            String.format(
                Locale.ROOT,
                "| bytes to Redis per event | %.0f |%n",
                (double) inBytes / ratings.size()))
        .append(
            String.format(
                Locale.ROOT,
                "| bytes from Redis per event | %.0f |%n",
                (double) outBytes / ratings.size()))
        .append(
            String.format(
                Locale.ROOT,
                "| used_memory growth | %.1f MB |%n",
                (memoryAfter - memoryBefore) / 1e6))
        .append(
            String.format(
                Locale.ROOT,
                "| with the top lists | %.1f MB |%n",
                (memoryWithTop - memoryBefore) / 1e6))
        .append(
            String.format(
                Locale.ROOT,
                "| per-user keys (MEMORY USAGE sum) | %.1f MB, %.1f kB per user |%n",
                userBytes / 1e6,
                userBytes / 1e3 / users))
        .append(String.format(Locale.ROOT, "| trending keys | %.2f MB |%n", trendingBytes / 1e6))
        .append(
            String.format(
                Locale.ROOT,
                "| co-watch keys | %.1f MB for %d distinct pairs (%.0f B per pair) |%n",
                coWatchBytes / 1e6,
                pairs,
                (double) coWatchBytes / pairs))
        .append(
            String.format(
                Locale.ROOT,
                "| refresh of all %d top lists | %.1f s |%n",
                refreshed,
                refreshSeconds))
        .append("\nCommands per script call:\n\n```\n")
        .append(
            commands
                .lines()
                .filter(l -> l.startsWith("cmdstat_"))
                .map(l -> l.replaceAll(",usec_per_call.*", ""))
                .reduce("", (a, b) -> a + b + "\n"))
        .append("```\n");
    write();
    assertThat(state.counts()).isNotEmpty();
  }

  private static long field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Long.parseLong(line.substring(name.length() + 1).trim());
      }
    }
    throw new IllegalStateException(name + " not in INFO");
  }

  private static long memory() {
    return field(info("memory"), "used_memory");
  }

  private static String info(String section) {
    return command(Request.cmd(Command.INFO).arg(section)).toString();
  }

  private static io.vertx.mutiny.redis.client.Response command(Request request) {
    return redis.send(request).await().atMost(Duration.ofSeconds(60));
  }

  private static long sumMemory(String pattern) {
    return command(
            Request.cmd(Command.EVAL)
                .arg(
                    "local s = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do"
                        + " s = s + redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0') end return s")
                .arg(0)
                .arg(pattern))
        .toLong();
  }

  private static void write() throws IOException {
    Path out = Path.of("target/signals-measurement.md");
    Files.writeString(out, REPORT.toString());
    System.out.println(REPORT);
  }

  private static Split split(int user, List<Rating> ratings) {
    List<Rating> sorted =
        ratings.stream()
            .sorted(Comparator.comparingLong(Rating::timestamp).thenComparing(Rating::item))
            .toList();
    if (sorted.size() < 10) {
      return new Split(user, sorted, List.of());
    }
    int test = (int) Math.max(1, Math.round(sorted.size() * 0.2));
    int cut = sorted.size() - test;
    return new Split(user, sorted.subList(0, cut), sorted.subList(cut, sorted.size()));
  }

  private static List<Rating> load(boolean linkedOnly) throws IOException {
    Map<Integer, String> link = new HashMap<>();
    for (CSVRecord r : records(DATA.resolve("ml_small_to_netflix_show_id.csv"))) {
      String show = r.get("netflix_show_id").strip();
      if (!show.isEmpty()) {
        link.put(Integer.parseInt(r.get("movieId").strip()), "netflix:" + show);
      }
    }
    List<Rating> out = new ArrayList<>();
    for (CSVRecord r : records(DATA.resolve("ratings.csv"))) {
      int movie = Integer.parseInt(r.get("movieId"));
      String item = link.get(movie);
      if (item == null && linkedOnly) {
        continue;
      }
      out.add(
          new Rating(
              Integer.parseInt(r.get("userId")),
              item != null ? item : "ml:" + movie,
              Double.parseDouble(r.get("rating")),
              Long.parseLong(r.get("timestamp"))));
    }
    return out;
  }

  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }
}
