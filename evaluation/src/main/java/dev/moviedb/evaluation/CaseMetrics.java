package dev.moviedb.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * hit@1, hit@10, nDCG@10 and reciprocal rank of one method, case by case in the order the cases
 * were added, so that two methods scored on the same cases can be compared pairwise ({@link
 * Metrics#paired}).
 */
final class CaseMetrics {

  static final int K = 10;

  final List<Double> hit1 = new ArrayList<>();
  final List<Double> hit10 = new ArrayList<>();
  final List<Double> ndcg10 = new ArrayList<>();
  final List<Double> rr = new ArrayList<>();

  /** Scores one ranking; reciprocal rank counts the first relevant title within {@code depth}. */
  void add(List<Integer> ranking, Set<Integer> relevant, int depth) {
    hit1.add(Metrics.hitAt(ranking, relevant, 1));
    hit10.add(Metrics.hitAt(ranking, relevant, K));
    ndcg10.add(Metrics.ndcgAt(ranking, relevant, K));
    rr.add(Metrics.reciprocalRank(ranking, relevant, depth));
  }

  int cases() {
    return rr.size();
  }

  double hit1() {
    return Metrics.mean(hit1);
  }

  double hit10() {
    return Metrics.mean(hit10);
  }

  double ndcg10() {
    return Metrics.mean(ndcg10);
  }

  double mrr() {
    return Metrics.mean(rr);
  }
}
