package dev.moviedb.evaluation;

import dev.moviedb.events.TitlePublished;
import dev.moviedb.events.TitleType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Combined requests (a query and a taste) on MovieLens, ranked with recommend-api's own arithmetic
 * ({@link Fusion}). Per scored user of the {@link HeldOut} protocol and per held-out liked title T,
 * one request: the query is generated from T's catalogue metadata only (see {@link Style}), the
 * taste comes from the user's training ratings, and T must be found among the titles the user has
 * not rated. Sweeps the fusion weight alpha with and without z-score calibration, and measures how
 * often the candidate union of each size yields the same top 10 as a scan of the whole catalogue.
 */
final class FusionEval {

  static final double[] ALPHAS = {0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0};
  static final int[] CANDIDATES = {50, 100, 200, 400};

  /** recommend-api's current defaults (RecommendConfig): the baselines the sweeps compare with. */
  static final double CURRENT_ALPHA = 0.6;

  static final int CURRENT_CANDIDATES = 200;
  static final double NEGATIVE_SHARE = TasteEval.NEGATIVE_SHARE;

  /** recommend-api's default diversity (MMR lambda = 1 - diversity), applied to the final list. */
  static final double DIVERSITY = 0.3;

  static final int CALIBRATION_SAMPLE = 512;
  static final long SAMPLE_SEED = 512;
  static final int LIMIT = 10;
  static final int DEEP = 30;
  static final int DEPTH = 100;
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
   * 10 from the candidate union equals the full scan's, the share of the full scan's top 10 and top
   * 30 the union keeps, the union's size, and whether T is in the final list recommend-api returns
   * at its default diversity (MMR over the whole collapsed union).
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

  /** One combined request, scored against every title. */
  private record Request(
      ModelRun run,
      Style style,
      int target,
      Set<Integer> watched,
      double[] queryScores,
      double[] tasteScores,
      Fusion.Calibration queryCal,
      Fusion.Calibration tasteCal,
      List<Integer> tasteTop) {}

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

  /** T's rank at every alpha, with z-score calibration and with raw cosines. */
  List<AlphaScore> alphaSweep() {
    Map<String, AlphaScore> out = new LinkedHashMap<>();
    forEachRequest(
        0,
        r -> {
          IntPredicate allowed = i -> !r.watched().contains(i);
          Set<Integer> gold = Set.of(r.target());
          double[] z = new double[r.queryScores().length];
          double[] raw = new double[z.length];
          for (double alpha : ALPHAS) {
            combine(r, alpha, z, raw);
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
            a.calibrated().add(Rankings.top(z, DEPTH, allowed), gold, DEPTH);
            a.raw().add(Rankings.top(raw, DEPTH, allowed), gold, DEPTH);
          }
        });
    return List.copyOf(out.values());
  }

  /** The candidate union of every swept size against the full scan, at one alpha (calibrated). */
  List<CandidateScore> candidateSweep(double alpha, double diversity) {
    Map<String, CandidateScore> out = new LinkedHashMap<>();
    int maxCandidates = CANDIDATES[CANDIDATES.length - 1];
    forEachRequest(
        maxCandidates,
        r -> {
          IntPredicate allowed = i -> !r.watched().contains(i);
          double[] z = new double[r.queryScores().length];
          combine(r, alpha, z, null);
          List<Integer> full = Rankings.top(z, DEEP, allowed);
          List<Integer> full10 = head(full, LIMIT);
          int kMax = Fusion.perSource(maxCandidates, 0, LIMIT, r.watched().size());
          List<Integer> queryTop = Rankings.top(r.queryScores(), kMax, i -> true);
          for (int count : CANDIDATES) {
            int k = Fusion.perSource(count, 0, LIMIT, r.watched().size());
            Set<Integer> union = new HashSet<>(head(queryTop, k));
            union.addAll(head(r.tasteTop(), k));
            List<Integer> ranked = Fusion.rankAmong(union, z, allowed, union.size());
            List<Integer> union10 = head(ranked, LIMIT);
            List<Integer> shown =
                diversity <= 0
                    ? union10
                    : Fusion.mmr(
                        head(ranked, Fusion.diversityPool(LIMIT)),
                        LIMIT,
                        1 - diversity,
                        z,
                        r.run().index());
            CandidateScore c =
                out.computeIfAbsent(
                    r.run().modelId() + "|" + r.style() + "|" + count,
                    x ->
                        new CandidateScore(
                            r.run().modelId(),
                            r.style(),
                            alpha,
                            count,
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>(),
                            new ArrayList<>()));
            c.identical().add(new HashSet<>(full10).equals(new HashSet<>(union10)) ? 1.0 : 0.0);
            c.recall10().add(overlap(full10, union10));
            c.recall30().add(overlap(full, head(ranked, DEEP)));
            c.unionSize().add((double) union.size());
            c.finalHit10().add(shown.contains(r.target()) ? 1.0 : 0.0);
          }
        });
    return List.copyOf(out.values());
  }

  /** Fills {@code z} (calibrated) and, unless null, {@code raw} with the combined scores. */
  private static void combine(Request r, double alpha, double[] z, double[] raw) {
    double[] q = r.queryScores();
    double[] t = r.tasteScores();
    for (int i = 0; i < z.length; i++) {
      z[i] = Fusion.combined(alpha, r.queryCal().z(q[i]), r.tasteCal().z(t[i]));
      if (raw != null) {
        raw[i] = Fusion.combined(alpha, q[i], t[i]);
      }
    }
  }

  /**
   * Every combined request: per model, scored user, held-out liked title and style; with the
   * taste's nearest titles when {@code candidates} > 0.
   */
  private void forEachRequest(int candidates, java.util.function.Consumer<Request> visit) {
    for (ModelRun run : runs) {
      DenseIndex index = run.index();
      List<float[]> sample = Fusion.sample(index, CALIBRATION_SAMPLE, SAMPLE_SEED);
      for (HeldOut.User user : protocol.users()) {
        float[] taste =
            Fusion.taste(HeldOut.weights(catalogue, user.train(), index), NEGATIVE_SHARE);
        if (taste == null) {
          continue; // no weighted training title: cannot happen with >= 8 training ratings
        }
        Set<Integer> watched = user.trainTitles();
        double[] tasteScores = index.scores(taste);
        Fusion.Calibration tasteCal = Fusion.Calibration.of(taste, sample);
        List<Integer> tasteTop =
            candidates <= 0
                ? List.of()
                : Rankings.top(
                    tasteScores, Fusion.perSource(candidates, 0, LIMIT, watched.size()), i -> true);
        for (int target : user.liked()) {
          for (Style style : Style.values()) {
            float[] query = run.embedder().embedQuery(style.query(catalogue.title(target)));
            visit.accept(
                new Request(
                    run,
                    style,
                    target,
                    watched,
                    index.scores(query),
                    tasteScores,
                    Fusion.Calibration.of(query, sample),
                    tasteCal,
                    tasteTop));
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
