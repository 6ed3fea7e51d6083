package dev.moviedb.recommend.domain;

import dev.moviedb.vectors.Vectors;
import java.util.Map;
import java.util.Set;

/**
 * What recommend-api knows of a user's taste: per title, the summed positive and negative weights
 * (watching, thumbs up, thumbs down, decayed by age), and the titles the user has watched or rated.
 * The taste vector is composed from the titles' vectors in the index being served, so that it
 * always belongs to the same model as the titles it is compared with, also after a re-embed.
 */
public record TasteProfile(
    Map<String, Double> positive, Map<String, Double> negative, Set<String> watched) {

  public TasteProfile {
    positive = positive == null ? Map.of() : Map.copyOf(positive);
    negative = negative == null ? Map.of() : Map.copyOf(negative);
    watched = watched == null ? Set.of() : Set.copyOf(watched);
  }

  public boolean isEmpty() {
    return positive.isEmpty() && negative.isEmpty();
  }

  /** The liked titles and their weights (for explanations). */
  public Map<String, Double> liked() {
    return positive;
  }

  /**
   * taste = normalise(sum sqrt(p) v) - negativeShare * normalise(sum sqrt(n) v), normalised; the
   * square root keeps a long binge of one series from drowning everything else. Titles without a
   * vector (removed from the catalogue) are left out; null when no title has one.
   */
  public float[] tasteVector(Map<String, float[]> vectors, double negativeShare) {
    double[] pos = centroid(positive, vectors);
    double[] neg = centroid(negative, vectors);
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
      }
      double factor = Math.sqrt(w.getValue());
      for (int i = 0; i < sum.length; i++) {
        sum[i] += factor * v[i];
      }
    }
    return sum;
  }
}
