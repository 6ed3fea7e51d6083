package dev.moviedb.evaluation;

import java.util.List;
import java.util.Set;

/** Ranking metrics over a ranked list of ids and a set of accepted ids; binary relevance. */
public final class Metrics {

  private Metrics() {}

  /** 1 when an accepted id is among the first {@code k}, else 0. */
  public static <T> double hitAt(List<T> ranking, Set<T> relevant, int k) {
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranking.get(i))) {
        return 1;
      }
    }
    return 0;
  }

  /** 1 / rank of the first accepted id within the first {@code cutoff}, else 0. */
  public static <T> double reciprocalRank(List<T> ranking, Set<T> relevant, int cutoff) {
    int n = Math.min(cutoff, ranking.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranking.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** nDCG@k with binary gains; the ideal list puts min(|relevant|, k) hits first. 0 if none. */
  public static <T> double ndcgAt(List<T> ranking, Set<T> relevant, int k) {
    if (relevant.isEmpty() || k <= 0) {
      return 0;
    }
    double dcg = 0;
    int n = Math.min(k, ranking.size());
    for (int i = 0; i < n; i++) {
      if (relevant.contains(ranking.get(i))) {
        dcg += 1.0 / log2(i + 2);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevant.size()); i++) {
      ideal += 1.0 / log2(i + 2);
    }
    return dcg / ideal;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Arithmetic mean; 0 for an empty list. */
  public static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
