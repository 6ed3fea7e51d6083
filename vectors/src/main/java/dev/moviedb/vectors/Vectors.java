package dev.moviedb.vectors;

/** Small, allocation-light vector arithmetic for unit-length float embeddings. */
public final class Vectors {

  private Vectors() {}

  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors differ in dimension: " + a.length + " vs " + b.length);
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  public static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static double cosine(float[] a, float[] b) {
    double na = norm(a);
    double nb = norm(b);
    return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
  }

  /** A unit-length copy of {@code a}; a zero vector stays zero. */
  public static float[] normalize(float[] a) {
    double n = norm(a);
    float[] out = new float[a.length];
    if (n == 0) {
      return out;
    }
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (a[i] / n);
    }
    return out;
  }

  /** A unit-length float copy of a double vector; a zero vector stays zero. */
  public static float[] normalize(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v * v;
    }
    double n = Math.sqrt(sum);
    float[] out = new float[a.length];
    if (n == 0) {
      return out;
    }
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (a[i] / n);
    }
    return out;
  }
}
