package dev.moviedb.ranking;

import dev.moviedb.vectors.store.StoredTitle;
import dev.moviedb.vectors.store.VectorStore;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The calibration sample of the index being served, drawn once and drawn again when the catalogue
 * size changes or another index is served (a re-embed).
 */
public final class CalibrationSamples {

  private record Drawn(VectorStore store, long count, List<float[]> sample) {}

  private final int size;
  private final Supplier<RandomGenerator> random;
  private volatile Drawn drawn = new Drawn(null, -1, List.of());

  /**
   * @param size titles per sample
   * @param random the source of randomness (seeded in the evaluation, so that a run repeats)
   */
  public CalibrationSamples(int size, Supplier<RandomGenerator> random) {
    this.size = size;
    this.random = random;
  }

  public List<float[]> of(VectorStore store) {
    Drawn d = drawn;
    long count = store.count();
    if (d.store() != store || d.count() != count) {
      List<float[]> sample =
          Calibration.<StoredTitle>sample(store::forEach, size, random.get()).stream()
              .map(StoredTitle::vector)
              .toList();
      d = new Drawn(store, count, sample);
      drawn = d;
    }
    return d.sample();
  }
}
