package dev.moviedb.recommend.domain;

import java.util.Map;
import java.util.Set;

/**
 * What recommend-api knows of a user's taste: the positive and negative centroids (either may be
 * null), the titles they watched or rated, and their liked titles with weights (for explanations).
 */
public record TasteProfile(
    String modelId,
    float[] positive,
    float[] negative,
    Set<String> watched,
    Map<String, Double> liked) {

  public TasteProfile {
    watched = watched == null ? Set.of() : Set.copyOf(watched);
    liked = liked == null ? Map.of() : Map.copyOf(liked);
  }

  public boolean isEmpty() {
    return positive == null && negative == null;
  }

  /** taste = positive centroid minus a share of the negative one (both unit length). */
  public float[] tasteVector(double negativeShare) {
    if (positive == null && negative == null) {
      return null;
    }
    int dim = positive != null ? positive.length : negative.length;
    double[] v = new double[dim];
    for (int i = 0; i < dim; i++) {
      v[i] =
          (positive == null ? 0 : positive[i])
              - (negative == null ? 0 : negativeShare * negative[i]);
    }
    return dev.moviedb.vectors.Vectors.normalize(v);
  }
}
