package dev.moviedb.recommend.domain;

import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximal marginal relevance: picks items one at a time, trading relevance against similarity to
 * what is already picked. {@code lambda = 1} is pure relevance order.
 */
public final class Mmr {

  private Mmr() {}

  public static <T> List<T> select(
      List<T> candidates,
      int count,
      double lambda,
      ToDoubleFunction<T> relevance,
      Function<T, float[]> vector) {
    List<T> remaining = new ArrayList<>(candidates);
    List<T> picked = new ArrayList<>();
    if (candidates.isEmpty()) {
      return picked;
    }
    double max = remaining.stream().mapToDouble(relevance).max().orElse(1);
    double min = remaining.stream().mapToDouble(relevance).min().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    while (picked.size() < count && !remaining.isEmpty()) {
      T best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (T c : remaining) {
        double rel = (relevance.applyAsDouble(c) - min) / span;
        double redundancy = 0;
        for (T p : picked) {
          redundancy = Math.max(redundancy, Vectors.dot(vector.apply(c), vector.apply(p)));
        }
        double value = lambda * rel - (1 - lambda) * redundancy;
        if (value > bestValue) {
          bestValue = value;
          best = c;
        }
      }
      picked.add(best);
      remaining.remove(best);
    }
    return picked;
  }
}
