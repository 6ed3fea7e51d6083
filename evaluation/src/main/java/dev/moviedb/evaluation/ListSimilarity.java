package dev.moviedb.evaluation;

import dev.moviedb.vectors.Vectors;
import java.util.List;

/** How alike the titles of one list are: the measure reported beside the diversity setting. */
final class ListSimilarity {

  private ListSimilarity() {}

  /** Mean pairwise cosine of the listed titles (lower is more varied); 0 for fewer than two. */
  static double intraList(List<Integer> list, DenseIndex index) {
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
