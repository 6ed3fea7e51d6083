package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;

/**
 * The request's vector from its parts: a title it is "like" (the anchor), the remaining words, and
 * what it should be "less" of:
 *
 * <pre>
 * q = normalise( normalise(anchor + words) - AWAY_SHARE * away )
 * </pre>
 *
 * Either of anchor and words may be missing; without both there is no request vector.
 */
public final class QueryVector {

  /** How far "but less X" pushes away from X (the same half as a disliked title's share). */
  public static final double AWAY_SHARE = 0.5;

  private QueryVector() {}

  /** The composed unit vector, or null when there is neither an anchor nor words. */
  public static float[] compose(float[] anchor, float[] words, float[] away) {
    if (anchor == null && words == null) {
      return null;
    }
    int dim = anchor != null ? anchor.length : words.length;
    double[] v = new double[dim];
    add(v, anchor, 1);
    add(v, words, 1);
    if (away == null) {
      return Vectors.normalize(v);
    }
    float[] toward = Vectors.normalize(v);
    double[] steered = new double[dim];
    add(steered, toward, 1);
    add(steered, away, -AWAY_SHARE);
    return Vectors.normalize(steered);
  }

  private static void add(double[] sum, float[] v, double factor) {
    if (v == null) {
      return;
    }
    if (v.length != sum.length) {
      throw new IllegalArgumentException(
          "vectors differ in dimension: " + sum.length + " and " + v.length);
    }
    for (int i = 0; i < v.length; i++) {
      sum[i] += factor * v[i];
    }
  }
}
