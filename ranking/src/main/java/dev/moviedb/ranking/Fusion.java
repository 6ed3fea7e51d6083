package dev.moviedb.ranking;

import java.util.EnumMap;
import java.util.Map;

/**
 * How the calibrated scores of a title add up to its relevance:
 *
 * <pre>
 * score = sum_k w_k * z_k / sum_k w_k     (k over the score kinds the request has)
 * w_QUERY = alpha, w_TASTE = 1 - alpha
 * </pre>
 *
 * A request with only one kind ranks by that kind alone; alpha weighs the request's words against
 * the user's taste when both are present. Dividing by the sum of the present weights does not
 * change the order within a request, and keeps a score's scale comparable between requests.
 */
public final class Fusion {

  private Fusion() {}

  /** The weights of one request; every knob lies in [0, 1]. */
  public record Weights(double alpha, double collaborative, double popularity) {
    public Weights {
      unit("alpha", alpha);
      unit("collaborative", collaborative);
      unit("popularity", popularity);
    }

    /** The weight of each kind the request has, nothing for the others. */
    Map<ScoreKind, Double> of(Iterable<ScoreKind> present) {
      Map<ScoreKind, Double> out = new EnumMap<>(ScoreKind.class);
      for (ScoreKind k : present) {
        out.put(
            k,
            switch (k) {
              case QUERY -> alpha;
              case TASTE -> (1 - alpha) * (1 - collaborative);
              case COLLABORATIVE -> (1 - alpha) * collaborative;
              case POPULARITY -> popularity;
            });
      }
      return out;
    }
  }

  static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }

  /**
   * The fused relevance of one title from its calibrated scores (z) and the request's weights; a
   * request whose present weights are all 0 (alpha 1 without a query cannot happen: the ranker sets
   * them) counts every present kind equally.
   */
  static double fuse(Map<ScoreKind, Double> z, Map<ScoreKind, Double> weights) {
    double sum = 0;
    double total = 0;
    for (var e : weights.entrySet()) {
      Double zk = z.get(e.getKey());
      if (zk != null) {
        sum += e.getValue() * zk;
        total += e.getValue();
      }
    }
    if (total > 0) {
      return sum / total;
    }
    double plain = 0;
    for (double zk : z.values()) {
      plain += zk;
    }
    return z.isEmpty() ? 0 : plain / z.size();
  }
}
