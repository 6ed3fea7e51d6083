package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.store.StoredTitle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ranking, step by step; each step's rule lives in the class it names.
 *
 * <ol>
 *   <li>Taste: the user's title weights and the index's vectors of those titles give the taste
 *       vector ({@link TasteVector}); their co-watch partners give the co-watch score ({@link
 *       CoWatch}).
 *   <li>Candidates: the nearest titles to the request's vector and to the taste, hard filters
 *       applied inside the index ({@link Candidates}, {@link TitleSource}), joined by the best
 *       co-watch titles and what is trending ({@link Collective}) that pass the same filters.
 *   <li>Scores: each candidate's cosine to each source, calibrated as a z-score against a sample of
 *       the catalogue ({@link Calibration}); co-watch and popularity calibrated over the
 *       candidates; fused ({@link Fusion}); watched titles and the title the request is like are
 *       dropped.
 *   <li>Collapse: one title per franchise ({@link Collapse}), down to the pool MMR chooses from.
 *   <li>Diversity: maximal marginal relevance ({@link Mmr}).
 *   <li>Explanations for the page ({@link Explanations}).
 * </ol>
 *
 * A request with no words, no title and no taste ranks what is trending (a cold start).
 * Thread-safe; one instance serves every request.
 */
public final class Ranker {

  private final RankingSettings settings;
  private final Collapse collapse = new Collapse();

  public Ranker(RankingSettings settings) {
    this.settings = settings;
  }

  public RankingSettings settings() {
    return settings;
  }

  /** Ranks without anybody else's watching (no co-watch, no popularity). */
  public Ranking rank(RankingRequest request, TitleSource source) {
    return rank(request, source, Collective.NONE);
  }

  /**
   * Ranks the titles of {@code source} for one request.
   *
   * @throws UnknownTitleException when the title of "more like this" is not in the index
   * @throws NothingToRankException when the request has no words, no title to start from, no taste
   *     with a title in the index, and nothing is trending
   */
  public Ranking rank(RankingRequest request, TitleSource source, Collective collective) {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    RankingRequest.Knobs knobs = request.knobs();

    StoredTitle seed = null;
    float[] queryVector = request.queryVector();
    if (request.similarTo() != null) {
      seed = source.get(List.of(request.similarTo())).get(request.similarTo());
      if (seed == null) {
        throw new UnknownTitleException(request.similarTo());
      }
      if (queryVector == null) {
        queryVector = seed.vector(); // "more like this"; with words, they already hold the title
      }
    }
    TasteWeights weights = request.taste();
    Map<String, StoredTitle> tasteTitles = Map.of();
    float[] tasteVector = null;
    if (!weights.isEmpty()) {
      Set<String> ids = new LinkedHashSet<>(weights.positive().keySet());
      ids.addAll(weights.negative().keySet());
      tasteTitles = source.get(ids);
      Map<String, float[]> vectors = new LinkedHashMap<>();
      tasteTitles.forEach((id, t) -> vectors.put(id, t.vector()));
      tasteVector = TasteVector.compose(weights, vectors, settings.negativeShare());
    }
    CoWatch coWatch = CoWatch.of(weights, collective);
    long t1 = System.nanoTime();
    timings.put("taste", millis(t0, t1));

    Map<ScoreKind, float[]> sources = new EnumMap<>(ScoreKind.class);
    if (queryVector != null) {
      sources.put(ScoreKind.QUERY, queryVector);
    }
    if (tasteVector != null) {
      sources.put(ScoreKind.TASTE, tasteVector);
    }
    Set<String> watched = weights.watched();
    int k =
        Candidates.perSource(
            settings.candidates(), request.offset(), request.limit(), watched.size());
    Map<String, StoredTitle> candidates =
        sources.isEmpty()
            ? new LinkedHashMap<>()
            : Candidates.union(source.nearest(List.copyOf(sources.values()), k));
    source.admissible(coWatch.best(k)).forEach(candidates::putIfAbsent);
    Map<String, Double> trending = collective.trending(k);
    source.admissible(trending.keySet()).forEach(candidates::putIfAbsent);
    if (candidates.isEmpty() && sources.isEmpty() && coWatch.isEmpty() && trending.isEmpty()) {
      throw new NothingToRankException(
          "nothing to rank: no words, no title to start from, no taste with a title in the"
              + " index, and nothing trending");
    }
    // A cold start (no words, nothing known of the user) ranks what is watched now; every other
    // request takes all-time viewers as its popularity prior.
    boolean personal = tasteVector != null || !coWatch.isEmpty();
    boolean coldStart = queryVector == null && !personal;
    Map<String, Double> popularity = new HashMap<>();
    if (coldStart) {
      popularity.putAll(trending);
    } else {
      collective
          .audience(candidates.keySet())
          .forEach((id, n) -> popularity.put(id, n.doubleValue()));
    }
    long t2 = System.nanoTime();
    timings.put("retrieval", millis(t1, t2));

    double alpha = queryVector == null ? 0 : personal ? knobs.alpha(settings) : 1;
    Set<ScoreKind> kinds = new LinkedHashSet<>(sources.keySet());
    if (!coWatch.isEmpty()) {
      kinds.add(ScoreKind.COLLABORATIVE);
    }
    if (!popularity.isEmpty()) {
      kinds.add(ScoreKind.POPULARITY);
    }
    Map<ScoreKind, Double> fusionWeights =
        new Fusion.Weights(alpha, knobs.collaborative(settings), knobs.popularity(settings))
            .of(kinds);

    List<StoredTitle> ranked = new ArrayList<>(candidates.size());
    for (StoredTitle t : candidates.values()) {
      if (!watched.contains(t.titleId()) && (seed == null || !t.titleId().equals(seed.titleId()))) {
        ranked.add(t);
      }
    }
    List<float[]> sample =
        settings.calibrated() && !sources.isEmpty() ? source.calibrationSample() : List.of();
    Map<ScoreKind, Calibration> calibrations = new EnumMap<>(ScoreKind.class);
    sources.forEach((kind, v) -> calibrations.put(kind, Calibration.of(v, sample)));
    // Co-watch and popularity are spread over the titles in the running, not over a catalogue
    // sample: in the catalogue almost every title scores 0 on them, and z-scores against that
    // put them far above the cosines (measured: alpha lost its meaning; docs/EVALUATION.md).
    double[][] collectiveScores = new double[2][ranked.size()];
    for (int i = 0; i < ranked.size(); i++) {
      String id = ranked.get(i).titleId();
      collectiveScores[0][i] = coWatch.score(id);
      collectiveScores[1][i] = Math.log1p(popularity.getOrDefault(id, 0.0));
    }
    boolean spread = settings.calibrated();
    calibrations.put(
        ScoreKind.COLLABORATIVE, spread ? Calibration.over(collectiveScores[0]) : Calibration.NONE);
    calibrations.put(
        ScoreKind.POPULARITY, spread ? Calibration.over(collectiveScores[1]) : Calibration.NONE);

    List<Scored> scored = new ArrayList<>(ranked.size());
    for (int i = 0; i < ranked.size(); i++) {
      StoredTitle t = ranked.get(i);
      Map<ScoreKind, Double> raw = new EnumMap<>(ScoreKind.class);
      for (ScoreKind kind : kinds) {
        raw.put(
            kind,
            switch (kind) {
              case QUERY, TASTE -> Vectors.dot(sources.get(kind), t.vector());
              case COLLABORATIVE -> collectiveScores[0][i];
              case POPULARITY -> collectiveScores[1][i];
            });
      }
      Map<ScoreKind, Double> z = new EnumMap<>(ScoreKind.class);
      raw.forEach((kind, value) -> z.put(kind, calibrations.get(kind).z(value)));
      scored.add(new Scored(t, Fusion.fuse(z, fusionWeights), raw));
    }
    scored.sort(BEST_FIRST);
    int wanted = request.offset() + request.limit();
    List<Scored> collapsed =
        collapse.bestPerFranchise(scored, Scored::title, seed, Mmr.pool(wanted));
    long t3 = System.nanoTime();
    timings.put("scoring", millis(t2, t3));

    double diversity = knobs.diversity(settings);
    List<Scored> ordered =
        diversity <= 0
            ? collapsed.subList(0, Math.min(wanted, collapsed.size()))
            : Mmr.select(collapsed, wanted, 1 - diversity, Scored::score, s -> s.title().vector());
    List<Scored> page = ordered.subList(Math.min(request.offset(), ordered.size()), ordered.size());
    long t4 = System.nanoTime();
    timings.put("diversity", millis(t3, t4));

    List<StoredTitle> liked =
        weights.positive().keySet().stream()
            .map(tasteTitles::get)
            .filter(java.util.Objects::nonNull)
            .toList();
    Explanations explain =
        new Explanations(
            liked,
            request.query(),
            seed,
            coWatch,
            tasteTitles,
            trending.keySet().stream().limit(TRENDING_NAMED).collect(Collectors.toSet()),
            collective.where());
    List<RankedTitle> items = new ArrayList<>(page.size());
    for (Scored s : page) {
      items.add(
          new RankedTitle(
              s.title(),
              s.score(),
              s.raw(),
              explain.because(s.title()),
              explain.matched(s.title())));
    }
    long t5 = System.nanoTime();
    timings.put("explanations", millis(t4, t5));
    timings.put("total", millis(t0, t5));
    return new Ranking(
        items, alpha, diversity, queryVector != null, personal, candidates.size(), timings);
  }

  /** Popularity: viewers now for a cold start, all-time viewers otherwise; absent = none known. */
  private static Map<String, Double> popularityOf(
      java.util.Collection<String> ids,
      boolean coldStart,
      Map<String, Double> trending,
      Collective collective) {
    Map<String, Double> out = new HashMap<>();
    if (coldStart) {
      ids.forEach(
          id -> {
            Double now = trending.get(id);
            if (now != null) {
              out.put(id, now);
            }
          });
    } else {
      collective.audience(ids).forEach((id, n) -> out.put(id, n.doubleValue()));
    }
    return out;
  }

  /** How many of the most trending titles an explanation calls trending. */
  static final int TRENDING_NAMED = 50;

  private record Scored(StoredTitle title, double score, Map<ScoreKind, Double> raw) {}

  /** Best score first; equal scores in title id order, so that a ranking repeats exactly. */
  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.title().titleId());

  private static double millis(long from, long to) {
    return Math.round((to - from) / 10_000.0) / 100.0;
  }
}
