package dev.moviedb.evaluation;

import dev.moviedb.vectors.Vectors;
import java.util.List;

/**
 * The diversity measures reported beside MMR (the ranking itself mirrors recommend-api: Fusion).
 */
public final class Mmr {

  private Mmr() {}

  /** Mean pairwise cosine of the listed titles; 0 for fewer than two. */
  public static double intraListSimilarity(List<Integer> list, DenseIndex index) {
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        sum += Vectors.dot(index.vector(list.get(i)), index.vector(list.get(j)));
        pairs++;
      }
    }
    return pairs == 0 ? 0 : sum / pairs;
  }
}
