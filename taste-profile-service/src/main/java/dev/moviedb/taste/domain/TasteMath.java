package dev.moviedb.taste.domain;

import java.util.Collection;

/**
 * Turns per-title weights into one taste vector. Each title counts with the square root of its
 * summed weight (a series watched 40 times does not drown a film watched once), and sums are
 * commutative, so the result does not depend on the order of arrival.
 */
public final class TasteMath {

  private TasteMath() {}

  /**
   * normalise(sum sqrt(p_t) v_t) - negativeShare * normalise(sum sqrt(n_t) v_t); an empty side
   * contributes nothing. Null when no title has any weight.
   */
  public static double[] taste(Collection<TitleWeight> titles, double negativeShare) {
    double[] pos = null;
    double[] neg = null;
    for (TitleWeight t : titles) {
      if (t.positive() > 0) {
        pos = addScaled(pos, t.vector(), Math.sqrt(t.positive()));
      }
      if (t.negative() > 0) {
        neg = addScaled(neg, t.vector(), Math.sqrt(t.negative()));
      }
    }
    if (pos == null && neg == null) {
      return null;
    }
    int dim = pos != null ? pos.length : neg.length;
    double[] taste = new double[dim];
    if (pos != null) {
      addScaled(taste, normalise(pos), 1.0);
    }
    if (neg != null) {
      addScaled(taste, normalise(neg), -negativeShare);
    }
    return taste;
  }

  static double[] addScaled(double[] acc, double[] v, double factor) {
    double[] out = acc == null ? new double[v.length] : acc;
    if (out.length != v.length) {
      throw new IllegalArgumentException(
          "vectors of different dimensions: " + out.length + " and " + v.length);
    }
    for (int i = 0; i < v.length; i++) {
      out[i] += factor * v[i];
    }
    return out;
  }

  /** The vector scaled to length 1 (a copy); a zero vector stays zero. */
  public static double[] normalise(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[v.length];
    if (norm == 0) {
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return out;
  }
}
