package dev.moviedb.evaluation;

import dev.moviedb.vectors.Vectors;
import java.util.List;
import java.util.function.IntPredicate;

/** Exact cosine scan over unit-length title vectors in catalogue order (fine at ~9k titles). */
public final class DenseIndex {

  private final float[][] vectors;

  public DenseIndex(List<float[]> vectors) {
    this.vectors = vectors.toArray(new float[0][]);
  }

  public int size() {
    return vectors.length;
  }

  public float[] vector(int pos) {
    return vectors[pos];
  }

  /** Cosine of every title to a unit-length query vector. */
  public double[] scores(float[] query) {
    double[] s = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      s[i] = Vectors.dot(vectors[i], query);
    }
    return s;
  }

  public List<Integer> search(float[] query, int k, IntPredicate allowed) {
    return Rankings.top(scores(query), k, allowed);
  }
}
