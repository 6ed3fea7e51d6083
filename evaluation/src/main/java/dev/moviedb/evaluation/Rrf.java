package dev.moviedb.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reciprocal rank fusion: score(d) = sum over rankings of 1 / (k + rank(d)), ranks from 1. */
public final class Rrf {

  public static final int DEFAULT_K = 60;

  private Rrf() {}

  public static <T> List<T> fuse(List<List<T>> rankings, int k, int limit) {
    Map<T, Double> scores = new LinkedHashMap<>();
    for (List<T> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
      }
    }
    List<Map.Entry<T, Double>> entries = new ArrayList<>(scores.entrySet());
    // stable sort: ties keep first-seen order, so the result is deterministic
    entries.sort(Map.Entry.<T, Double>comparingByValue(Comparator.reverseOrder()));
    return entries.stream().limit(limit).map(Map.Entry::getKey).toList();
  }
}
