package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.Ranking;
import dev.moviedb.ranking.RankingRequest;
import dev.moviedb.ranking.RankingSettings;
import dev.moviedb.vectors.store.TitleFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Combined requests (words and a taste) on MovieLens, ranked by the shipped ranking. Per scored
 * user of the {@link HeldOut} protocol and per held-out liked title T, one request: the words are
 * generated from T's catalogue metadata only (see {@link Style}), the taste comes from the user's
 * training ratings, and T must be found among the titles the user has not rated, in the 10 the user
 * sees. Sweeps the fusion weight alpha with and without z-score calibration, and measures how often
 * the candidate union of each size yields the same top 10 as ranking every title.
 */
final class FusionEval {

  static final double[] ALPHAS = {0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0};
  static final int[] CANDIDATES = {50, 100, 200, 400};

  /** recommend-api's current defaults: the baselines the sweeps compare with. */
  static final double CURRENT_ALPHA = RankingSettings.DEFAULTS.alpha();

  static final int CURRENT_CANDIDATES = RankingSettings.DEFAULTS.candidates();
  static final int LIMIT = 10;
  static final int DEEP = 30;
  static final int PLOT_WORDS = 6;

  /** How the request is generated from the held-out title T. */
  enum Style {
    /** Vague: "a(n) <genre> <genre> movie" from T's first two genres. */
    GENRE("genre", "\"a(n) <genre> <genre> movie\" from T's first two genres"),
    /** Specific: "a movie about <the first six words of T's plot>". */
    PLOT("plot", "\"a movie about <the first " + PLOT_WORDS + " words of T's plot>\"");

    final String id;
    final String description;

    Style(String id, String description) {
      this.id = id;
      this.description = description;
    }

    String query(TitlePublished t) {
      String kind = t.type() == TitleType.SERIES ? "series" : "movie";
      if (this == PLOT && t.description() != null && !t.description().isBlank()) {
        String[] words = t.description().strip().split("\\s+");
        return "a "
            + kind
            + " about "
            + String.join(" ", List.of(words).subList(0, Math.min(PLOT_WORDS, words.length)));
      }
      Set<String> genres = new LinkedHashSet<>();
      for (String g : t.genres()) {
        String plain = genreWords(g);
        if (!plain.isEmpty() && genres.size() < 2) {
          genres.add(plain);
        }
      }
      String phrase = String.join(" ", genres);
      phrase = phrase.isEmpty() ? kind : phrase + " " + kind;
      return ("aeiou".indexOf(phrase.charAt(0)) >= 0 ? "an " : "a ") + phrase;
    }
  }

  /** "International Movies" -> "international", "TV Dramas" -> "drama", "Comedies" -> "comedy". */
  static String genreWords(String genre) {
    String g =
        (" " + genre + " ")
            .replace(" TV Shows ", " ")
            .replace(" Movies ", " ")
            .replace(" TV ", " ")
            .strip()
            .toLowerCase(Locale.ROOT);
    if (g.endsWith("series")) {
      return g;
    }
    if (g.endsWith("ies")) {
      return g.substring(0, g.length() - 3) + "y";
    }
    if (g.endsWith("s") && !g.endsWith("ss") && g.length() > 3) {
      return g.substring(0, g.length() - 1);
    }
    return g;
  }

  /** One model, request style and alpha: T's rank with calibrated and with raw-cosine fusion. */
  record AlphaScore(
      String model, Style style, double alpha, CaseMetrics calibrated, CaseMetrics raw) {}

  /**
   * One model, request style and candidate count at one alpha, request by request: whether the top
   * 10 from the candidate union equals the one from every title, the share of that top 10 and top
   * 30 the union keeps, the union's size, and whether T is in the list recommend-api returns at its
   * default diversity.
   */
  record CandidateScore(
      String model,
      Style style,
      double alpha,
      int candidates,
      List<Double> identical,
      List<Double> recall10,
      List<Double> recall30,
      List<Double> unionSize,
      List<Double> finalHit10) {}

  /** One combined request: T, the user, the style and the request's words and vector. */
  private record Request(
      ModelRun run, Style style, int target, HeldOut.User user, String query, float[] vector) {

    RankingRequest ranking(int limit, Double alpha, Double diversity) {
      return ranking(limit, new RankingRequest.Knobs(alpha, diversity, null, null));
    }

    /** Words and taste only (no co-watch, no popularity): what the index's candidates decide. */
    RankingRequest vectorsOnly(int limit, Double alpha, Double diversity) {
      return ranking(limit, new RankingRequest.Knobs(alpha, diversity, 0.0, 0.0));
    }

    private RankingRequest ranking(int limit, RankingRequest.Knobs knobs) {
      return new RankingRequest(vector, query, null, user.taste(), limit, 0, knobs);
    }
  }

  private static final Ranker CALIBRATED = ShippedIndex.SHIPPED;
  private static final Ranker RAW = new Ranker(RankingSettings.DEFAULTS.withCalibrated(false));

  private final Catalogue catalogue;
  private final List<ModelRun> runs;
  private final HeldOut.Protocol protocol;
  private int requests = -1;

  FusionEval(Catalogue catalogue, List<ModelRun> runs, HeldOut.Protocol protocol) {
    this.catalogue = catalogue;
    this.runs = runs;
    this.protocol = protocol;
  }

  /** Scored users (those of the taste evaluation). */
  int users() {
    return protocol.users().size();
  }

  /** Combined requests per model and style (one per scored user and held-out liked title). */
  int requests() {
    if (requests < 0) {
      requests = protocol.users().stream().mapToInt(u -> u.liked().size()).sum();
    }
    return requests;
  }

  /** T in the list the user sees, at every alpha, with z-score calibration and with raw cosines. */
  List<AlphaScore> alphaSweep() {
    Map<String, AlphaScore> out = new LinkedHashMap<>();
    forEachRequest(
        r -> {
          Set<Integer> gold = Set.of(r.target());
          for (double alpha : ALPHAS) {
            AlphaScore a =
                out.computeIfAbsent(
                    r.run().modelId() + "|" + r.style() + "|" + alpha,
                    x ->
                        new AlphaScore(
                            r.run().modelId(),
                            r.style(),
                            alpha,
                            new CaseMetrics(),
                            new CaseMetrics()));
            a.calibrated().add(rank(r, CALIBRATED, r.ranking(LIMIT, alpha, null)), gold, LIMIT);
            a.raw().add(rank(r, RAW, r.ranking(LIMIT, alpha, null)), gold, LIMIT);
          }
        });
    return List.copyOf(out.values());
  }

  /** The candidate union of every swept size against ranking every title, at one alpha. */
  List<CandidateScore> candidateSweep(double alpha) {
    Map<String, CandidateScore> out = new LinkedHashMap<>();
    Ranker everything = new Ranker(RankingSettings.DEFAULTS.withCandidates(catalogue.size()));
    Map<Integer, Ranker> rankers = new LinkedHashMap<>();
    for (int count : CANDIDATES) {
      rankers.put(count, new Ranker(RankingSettings.DEFAULTS.withCandidates(count)));
    }
    forEachRequest(
        r -> {
          List<Integer> full = rank(r, everything, r.vectorsOnly(DEEP, alpha, 0.0));
          List<Integer> full10 = head(full, LIMIT);
          for (var entry : rankers.entrySet()) {
            Ranking deep =
                r.run().index().ranking(entry.getValue(), r.vectorsOnly(DEEP, alpha, 0.0), NONE);
            List<Integer> ranked = r.run().index().positions(deep);
            List<Integer> union10 = head(ranked, LIMIT);
            List<Integer> shown = rank(r, entry.getValue(), r.vectorsOnly(LIMIT, alpha, null));
            CandidateScore c =
                out.computeIfAbsent(
                    r.run().modelId() + "|" + r.style() + "|" + entry.getKey(),
                    x ->
                        new CandidateScore(
                            r.run().modelId(),
                            r.style(),
                            alpha,
                            entry.getKey(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>()));
            c.identical().add(new HashSet<>(full10).equals(new HashSet<>(union10)) ? 1.0 : 0.0);
            c.recall10().add(overlap(full10, union10));
            c.recall30().add(overlap(full, ranked));
            c.unionSize().add((double) deep.candidates());
            c.finalHit10().add(shown.contains(r.target()) ? 1.0 : 0.0);
          }
        });
    return List.copyOf(out.values());
  }

  private static final TitleFilter NONE = TitleFilter.NONE;

  private static List<Integer> rank(Request r, Ranker ranker, RankingRequest request) {
    return r.run().index().rank(ranker, request, NONE);
  }

  /** Every combined request: per model, scored user, held-out liked title and style. */
  private void forEachRequest(Consumer<Request> visit) {
    for (ModelRun run : runs) {
      for (HeldOut.User user : protocol.users()) {
        if (user.taste().isEmpty()) {
          continue; // no weighted training title: cannot happen with >= 8 training ratings
        }
        for (int target : user.liked()) {
          for (Style style : Style.values()) {
            String query = style.query(catalogue.title(target));
            visit.accept(
                new Request(run, style, target, user, query, run.embedder().embedQuery(query)));
          }
        }
      }
    }
  }

  private static List<Integer> head(List<Integer> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }

  /** Share of {@code expected} that {@code found} contains; 1 when nothing is expected. */
  static double overlap(List<Integer> expected, List<Integer> found) {
    if (expected.isEmpty()) {
      return 1;
    }
    Set<Integer> f = new HashSet<>(found);
    return expected.stream().filter(f::contains).count() / (double) expected.size();
  }
}
