package dev.moviedb.vectors;

/** Small, allocation-light vector arithmetic for unit-length float embeddings. */
public final class Vectors {

  /**
   * Whether the SIMD dot product is used: the JVM runs with {@code --add-modules
   * jdk.incubator.vector} (bin/moviedb and the container images pass it) and {@code
   * -Dmoviedb.simd=false} is not set.
   */
  public static final boolean SIMD =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
          && !"false".equals(System.getProperty("moviedb.simd"));

  private Vectors() {}

  /**
   * The dot product. Eight independent partial sums let the CPU overlap the additions (one running
   * sum makes every addition wait for the previous one): about four times faster on 384 dimensions,
   * which matters because recommend-api scans every title's vector.
   */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors differ in dimension: " + a.length + " vs " + b.length);
    }
    return dot(a, b, 0);
  }

  /**
   * The dot product of {@code a} with the {@code a.length} numbers of {@code matrix} starting at
   * {@code offset} (one row of vectors stored side by side).
   */
  public static double dot(float[] a, float[] matrix, int offset) {
    if (offset < 0 || offset + a.length > matrix.length) {
      throw new IllegalArgumentException(
          "row at " + offset + " of length " + a.length + " is outside " + matrix.length);
    }
    return SIMD ? SimdDot.dot(a, matrix, offset) : scalarDot(a, matrix, offset);
  }

  /** Eight independent partial sums: the CPU overlaps the additions. */
  static double scalarDot(float[] a, float[] matrix, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int i = 0;
    int bound = a.length - a.length % 8;
    for (; i < bound; i += 8) {
      int j = offset + i;
      s0 += a[i] * matrix[j];
      s1 += a[i + 1] * matrix[j + 1];
      s2 += a[i + 2] * matrix[j + 2];
      s3 += a[i + 3] * matrix[j + 3];
      s4 += a[i + 4] * matrix[j + 4];
      s5 += a[i + 5] * matrix[j + 5];
      s6 += a[i + 6] * matrix[j + 6];
      s7 += a[i + 7] * matrix[j + 7];
    }
    double sum = (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    for (; i < a.length; i++) {
      sum += (double) a[i] * matrix[offset + i];
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
