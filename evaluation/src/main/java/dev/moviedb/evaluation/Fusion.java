package dev.moviedb.evaluation;

import dev.moviedb.taste.domain.TasteMath;
import dev.moviedb.taste.domain.TitleWeight;
import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * MIRROR of recommend-api's ranking arithmetic, copied because the evaluation must not depend on a
 * service. Each member names what it mirrors in {@code dev.moviedb.recommend}; when
 * RecommendTitles, TasteProfile or Mmr change, change the copy, or the sweeps measure a ranking the
 * product no longer makes.
 *
 * <p>Not mirrored: the franchise collapse ({@code FranchiseKey}, a title heuristic rather than a
 * formula). It only drops lower-scored siblings of a title already ranked, so it does not interact
 * with the weights swept here; the rankings of the evaluation keep every title.
 */
final class Fusion {

  private Fusion() {}

  /**
   * MIRROR of {@code RecommendTitles.Stats} and {@code RecommendTitles.stats(float[], List)}: mean
   * and spread of one vector's cosine over the calibration sample, variance floored at 1e-6; no
   * calibration (mean 0, sd 1) below two sampled titles.
   */
  record Calibration(double mean, double sd) {

    static final Calibration NONE = new Calibration(0, 1);

    static Calibration of(float[] vector, List<float[]> sample) {
      if (sample.size() < 2) {
        return NONE;
      }
      double sum = 0;
      double sumSq = 0;
      for (float[] v : sample) {
        double d = Vectors.dot(vector, v);
        sum += d;
        sumSq += d * d;
      }
      double mean = sum / sample.size();
      double variance = Math.max(1e-6, sumSq / sample.size() - mean * mean);
      return new Calibration(mean, Math.sqrt(variance));
    }

    double z(double score) {
      return (score - mean) / sd;
    }
  }

  /**
   * MIRROR of {@code RecommendTitles.sample(VectorStore)}: {@code n} title vectors drawn uniformly
   * without replacement (the service uses a reservoir over the store; here the draw is seeded so
   * that a run repeats).
   */
  static List<float[]> sample(DenseIndex index, int n, long seed) {
    List<Integer> positions = new ArrayList<>(index.size());
    for (int i = 0; i < index.size(); i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, new Random(seed));
    List<float[]> out = new ArrayList<>(Math.min(n, positions.size()));
    for (int i = 0; i < Math.min(n, positions.size()); i++) {
      out.add(index.vector(positions.get(i)));
    }
    return out;
  }

  /**
   * MIRROR of {@code TasteProfile.tasteVector(vectors, negativeShare)}: normalise(normalise(sum
   * sqrt(p) v) - share * normalise(sum sqrt(n) v)) over the per-title weights the taste service
   * keeps (summed here by the taste service's own TasteMath); null without any weighted title.
   */
  static float[] taste(Collection<TitleWeight> weights, double negativeShare) {
    double[] taste = TasteMath.taste(weights, negativeShare);
    return taste == null ? null : Vectors.normalize(taste);
  }

  /**
   * MIRROR of {@code k} in {@code RecommendTitles.recommend}: the nearest neighbours fetched from
   * the index per source (query, taste), before watched titles are dropped.
   */
  static int perSource(int candidates, int offset, int limit, int watched) {
    return candidates + offset + limit + watched;
  }

  /** MIRROR of {@code combined} in {@code RecommendTitles.recommend}, both sources present. */
  static double combined(double alpha, double queryScore, double tasteScore) {
    return alpha * queryScore + (1 - alpha) * tasteScore;
  }

  /**
   * MIRROR of the order at diversity 0 ({@code scored.sort} in {@code RecommendTitles.recommend}):
   * the allowed positions among {@code positions} by score, best first (ties: lower catalogue
   * position first, as {@link Rankings#top} breaks them), at most {@code depth}.
   */
  static List<Integer> rankAmong(
      Collection<Integer> positions, double[] scores, IntPredicate allowed, int depth) {
    List<Integer> sorted = new ArrayList<>(positions.size());
    for (int p : positions) {
      if (allowed.test(p) && !Double.isNaN(scores[p])) {
        sorted.add(p);
      }
    }
    sorted.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
    return List.copyOf(sorted.subList(0, Math.min(depth, sorted.size())));
  }

  /**
   * MIRROR of {@code RecommendTitles.diversityPool}: MMR chooses among the top max(100, 5 x wanted)
   * titles of the fused ranking.
   */
  static int diversityPool(int wanted) {
    return Math.max(100, 5 * wanted);
  }

  /**
   * MIRROR of {@code dev.moviedb.recommend.domain.Mmr.select}: relevance min-max normalised over
   * all candidates, redundancy = max(0, max cosine to the picked titles), value = lambda *
   * relevance - (1 - lambda) * redundancy, the first candidate with the highest value wins. Each
   * candidate's redundancy is updated once per pick instead of recomputed; the picks are the same.
   */
  static List<Integer> mmr(
      List<Integer> candidates, int count, double lambda, double[] relevance, DenseIndex index) {
    List<Integer> remaining = new ArrayList<>(candidates);
    List<Integer> picked = new ArrayList<>(count);
    if (remaining.isEmpty()) {
      return picked;
    }
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int c : remaining) {
      max = Math.max(max, relevance[c]);
      min = Math.min(min, relevance[c]);
    }
    double span = max - min == 0 ? 1 : max - min;
    double[] redundancy = new double[remaining.size()];
    while (picked.size() < count && !remaining.isEmpty()) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < remaining.size(); i++) {
        double rel = (relevance[remaining.get(i)] - min) / span;
        double value = lambda * rel - (1 - lambda) * redundancy[i];
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      int chosen = remaining.remove(best);
      picked.add(chosen);
      double[] next = new double[remaining.size()];
      for (int i = 0, j = 0; i < redundancy.length; i++) {
        if (i != best) {
          double sim = Vectors.dot(index.vector(remaining.get(j)), index.vector(chosen));
          next[j] = Math.max(redundancy[i], sim);
          j++;
        }
      }
      redundancy = next;
    }
    return picked;
  }
}
