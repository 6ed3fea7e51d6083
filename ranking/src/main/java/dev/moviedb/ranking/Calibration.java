package dev.moviedb.ranking;

import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Mean and spread of one vector's cosine over a random sample of the catalogue: turns a raw cosine
 * into a z-score, so that scores whose spreads differ (a short query against a taste centroid, one
 * model against another) can be added with weights that keep their meaning. Below two sampled
 * titles there is nothing to calibrate against (mean 0, sd 1); the variance is floored at 1e-6.
 */
public record Calibration(double mean, double sd) {

  public static final Calibration NONE = new Calibration(0, 1);

  public Calibration {
    if (!(sd > 0)) {
      throw new IllegalArgumentException("sd must be > 0, got " + sd);
    }
  }

  public static Calibration of(float[] vector, List<float[]> sample) {
    if (sample.size() < 2) {
      return NONE;
    }
    double sum = 0;
    double sumSq = 0;
    for (float[] v : sample) {
      double d = Vectors.dot(vector, v);
      sum += d;
      sumSq += d * d;
    }
    double mean = sum / sample.size();
    double variance = Math.max(1e-6, sumSq / sample.size() - mean * mean);
    return new Calibration(mean, Math.sqrt(variance));
  }

  /**
   * Mean and spread of scores over the titles given (the candidates of a request); without spread
   * the scores are only shifted by their mean.
   */
  public static Calibration over(double[] scores) {
    if (scores.length < 2) {
      return NONE;
    }
    double sum = 0;
    double sumSq = 0;
    for (double s : scores) {
      sum += s;
      sumSq += s * s;
    }
    double mean = sum / scores.length;
    double variance = sumSq / scores.length - mean * mean;
    return variance < 1e-12 ? new Calibration(mean, 1) : new Calibration(mean, Math.sqrt(variance));
  }

  public double z(double score) {
    return (score - mean) / sd;
  }

  /**
   * Draws {@code n} items uniformly without replacement from a catalogue visited once (reservoir
   * sampling), e.g. {@code Calibration.sample(store::forEach, 512, random)}.
   */
  public static <T> List<T> sample(Consumer<Consumer<T>> catalogue, int n, RandomGenerator random) {
    List<T> reservoir = new ArrayList<>(n);
    long[] seen = {0};
    catalogue.accept(
        v -> {
          seen[0]++;
          if (reservoir.size() < n) {
            reservoir.add(v);
          } else {
            long j = random.nextLong(seen[0]);
            if (j < n) {
              reservoir.set((int) j, v);
            }
          }
        });
    return List.copyOf(reservoir);
  }
}
