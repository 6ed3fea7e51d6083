package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximal marginal relevance: picks items one at a time, trading relevance against similarity to
 * what is already picked. {@code lambda = 1} is pure relevance order.
 *
 * <pre>
 * value(i) = lambda * (rel_i - min rel) / (max rel - min rel) - (1 - lambda) * max(0, max_j cos(i, j))
 * </pre>
 *
 * over the pool's relevance, j running over the items already picked; the highest value is picked
 * next (the first on ties).
 */
public final class Mmr {

  private Mmr() {}

  /**
   * The best titles MMR chooses from: the top of the fused ranking, not the whole candidate union
   * (a title far down the ranking never makes a short list, and MMR's cost grows with the pool).
   */
  public static int pool(int wanted) {
    return Math.max(100, 5 * wanted);
  }

  public static <T> List<T> select(
      List<T> candidates,
      int count,
      double lambda,
      ToDoubleFunction<T> relevance,
      Function<T, float[]> vector) {
    List<T> picked = new ArrayList<>(count);
    int n = candidates.size();
    if (n == 0) {
      return picked;
    }
    double[] rel = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      rel[i] = relevance.applyAsDouble(candidates.get(i));
      max = Math.max(max, rel[i]);
      min = Math.min(min, rel[i]);
    }
    double span = max - min == 0 ? 1 : max - min;
    // Each candidate's redundancy (highest similarity to a picked item, at least 0) is updated
    // with the newest pick only: count x n similarities instead of count^2 x n.
    double[] redundancy = new double[n];
    boolean[] taken = new boolean[n];
    while (picked.size() < Math.min(count, n)) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double value = lambda * (rel[i] - min) / span - (1 - lambda) * redundancy[i];
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      taken[best] = true;
      T chosen = candidates.get(best);
      picked.add(chosen);
      float[] chosenVector = vector.apply(chosen);
      for (int i = 0; i < n; i++) {
        if (!taken[i]) {
          redundancy[i] =
              Math.max(redundancy[i], Vectors.dot(vector.apply(candidates.get(i)), chosenVector));
        }
      }
    }
    return picked;
  }
}
