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

  /**
   * Mean and standard error of the case-by-case difference {@code a - b}, for two methods scored on
   * the same cases in the same order.
   */
  public record Difference(double mean, double standardError, int cases) {

    /** Whether the difference is more than two standard errors away from zero. */
    public boolean isClear() {
      return cases > 1 && Math.abs(mean) > 2 * standardError;
    }
  }

  public static Difference paired(List<Double> a, List<Double> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "paired lists differ in length: " + a.size() + " vs " + b.size());
    }
    int n = a.size();
    if (n == 0) {
      return new Difference(0, 0, 0);
    }
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      d[i] = a.get(i) - b.get(i);
      sum += d[i];
    }
    double mean = sum / n;
    if (n == 1) {
      return new Difference(mean, 0, 1);
    }
    double var = 0;
    for (double x : d) {
      var += (x - mean) * (x - mean);
    }
    var /= n - 1;
    return new Difference(mean, Math.sqrt(var / n), n);
  }

  /** Arithmetic mean; 0 for an empty list. */
  public static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
