package dev.moviedb.evaluation;

import dev.moviedb.vectors.Vectors;
import java.util.ArrayList;
import java.util.List;

/** Maximal marginal relevance re-ranking and the diversity measures reported beside it. */
public final class Mmr {

  private Mmr() {}

  /**
   * Picks {@code k} of {@code candidates} greedily by lambda * relevance - (1 - lambda) * (max
   * cosine to the already picked), lambda = 1 - diversity; diversity 0 keeps the relevance order.
   */
  public static List<Integer> rerank(
      List<Integer> candidates, double[] relevance, DenseIndex index, double diversity, int k) {
    double lambda = 1 - diversity;
    List<Integer> pool = new ArrayList<>(candidates);
    List<Integer> picked = new ArrayList<>(k);
    while (picked.size() < k && !pool.isEmpty()) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool.size(); i++) {
        int c = pool.get(i);
        double maxSim = 0;
        if (!picked.isEmpty()) {
          maxSim = Double.NEGATIVE_INFINITY;
          for (int p : picked) {
            maxSim = Math.max(maxSim, Vectors.dot(index.vector(c), index.vector(p)));
          }
        }
        double score = lambda * relevance[c] - (1 - lambda) * maxSim;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      picked.add(pool.remove(best));
    }
    return picked;
  }

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
