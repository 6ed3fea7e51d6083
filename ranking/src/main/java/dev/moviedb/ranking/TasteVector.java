package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import java.util.Map;

/**
 * The one formula that turns a user's title weights into a taste vector:
 *
 * <pre>
 * taste = normalise( normalise(sum_t sqrt(p_t) v_t) - negativeShare * normalise(sum_t sqrt(n_t) v_t) )
 * </pre>
 *
 * The square root keeps a long binge of one series from drowning everything else; the sums are
 * commutative, so the vector does not depend on the order in which events arrived; an empty side
 * contributes nothing. Titles without a vector in the served index (removed from the catalogue) are
 * left out.
 */
public final class TasteVector {

  private TasteVector() {}

  /**
   * The unit-length taste vector, or null when no weighted title has a vector.
   *
   * @param vectors the vectors of (at least) the weighted titles, from the index being ranked
   */
  public static float[] compose(
      TasteWeights weights, Map<String, float[]> vectors, double negativeShare) {
    double[] pos = centroid(weights.positive(), vectors);
    double[] neg = centroid(weights.negative(), vectors);
    if (pos == null && neg == null) {
      return null;
    }
    float[] p = pos == null ? null : Vectors.normalize(pos);
    float[] n = neg == null ? null : Vectors.normalize(neg);
    int dim = p != null ? p.length : n.length;
    double[] taste = new double[dim];
    for (int i = 0; i < dim; i++) {
      taste[i] = (p == null ? 0 : p[i]) - (n == null ? 0 : negativeShare * n[i]);
    }
    return Vectors.normalize(taste);
  }

  private static double[] centroid(Map<String, Double> weights, Map<String, float[]> vectors) {
    double[] sum = null;
    for (var w : weights.entrySet()) {
      float[] v = vectors.get(w.getKey());
      if (v == null || w.getValue() <= 0) {
        continue;
      }
      if (sum == null) {
        sum = new double[v.length];
      } else if (sum.length != v.length) {
        throw new IllegalArgumentException(
            "title vectors differ in dimension: " + sum.length + " and " + v.length);
      }
      double factor = Math.sqrt(w.getValue());
      for (int i = 0; i < sum.length; i++) {
        sum[i] += factor * v[i];
      }
    }
    return sum;
  }
}
