package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import dev.moviedb.vectors.store.StoredTitle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking, step by step; each step's rule lives in the class it names.
 *
 * <ol>
 *   <li>Taste: the user's title weights and the index's vectors of those titles give the taste
 *       vector ({@link TasteVector}).
 *   <li>Candidates: the nearest titles to the request's vector and to the taste, hard filters
 *       applied inside the index ({@link Candidates}, {@link TitleSource}).
 *   <li>Scores: each candidate's cosine to each source, calibrated as a z-score against a sample of
 *       the catalogue ({@link Calibration}) and fused ({@link Fusion}); watched titles and the
 *       title of "more like this" are dropped.
 *   <li>Collapse: one title per franchise ({@link Collapse}), down to the pool MMR chooses from.
 *   <li>Diversity: maximal marginal relevance ({@link Mmr}).
 *   <li>Explanations for the page ({@link Explanations}).
 * </ol>
 *
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

  /**
   * Ranks the titles of {@code source} for one request.
   *
   * @throws UnknownTitleException when the title of "more like this" is not in the index
   * @throws NothingToRankException when the request has no words, no title to start from, and no
   *     taste with a title in the index
   */
  public Ranking rank(RankingRequest request, TitleSource source) {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();

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
    if (queryVector == null && tasteVector == null) {
      throw new NothingToRankException(
          "nothing to rank: no words, no title to start from, and no taste with a title in the"
              + " index");
    }
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
        Candidates.union(source.nearest(List.copyOf(sources.values()), k));
    long t2 = System.nanoTime();
    timings.put("retrieval", millis(t1, t2));

    double alpha =
        queryVector == null
            ? 0
            : tasteVector == null
                ? 1
                : request.alpha() != null ? request.alpha() : settings.alpha();
    Map<ScoreKind, Double> fusionWeights = new Fusion.Weights(alpha).of(sources.keySet());
    List<float[]> sample = settings.calibrated() ? source.calibrationSample() : List.of();
    Map<ScoreKind, Calibration> calibrations = new EnumMap<>(ScoreKind.class);
    sources.forEach((kind, v) -> calibrations.put(kind, Calibration.of(v, sample)));
    List<Scored> scored = new ArrayList<>(candidates.size());
    for (StoredTitle t : candidates.values()) {
      if (watched.contains(t.titleId()) || (seed != null && t.titleId().equals(seed.titleId()))) {
        continue;
      }
      Map<ScoreKind, Double> raw = new EnumMap<>(ScoreKind.class);
      Map<ScoreKind, Double> z = new EnumMap<>(ScoreKind.class);
      sources.forEach(
          (kind, v) -> {
            double cosine = Vectors.dot(v, t.vector());
            raw.put(kind, cosine);
            z.put(kind, calibrations.get(kind).z(cosine));
          });
      scored.add(new Scored(t, Fusion.fuse(z, fusionWeights), raw));
    }
    scored.sort(BEST_FIRST);
    int wanted = request.offset() + request.limit();
    List<Scored> collapsed =
        collapse.bestPerFranchise(scored, Scored::title, seed, Mmr.pool(wanted));
    long t3 = System.nanoTime();
    timings.put("scoring", millis(t2, t3));

    double diversity = request.diversity() != null ? request.diversity() : settings.diversity();
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
    Explanations explain = new Explanations(liked, request.query(), seed);
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
        items,
        alpha,
        diversity,
        queryVector != null,
        tasteVector != null,
        candidates.size(),
        timings);
  }

  private record Scored(StoredTitle title, double score, Map<ScoreKind, Double> raw) {}

  /** Best score first; equal scores in title id order, so that a ranking repeats exactly. */
  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.title().titleId());

  private static double millis(long from, long to) {
    return Math.round((to - from) / 10_000.0) / 100.0;
  }
}
