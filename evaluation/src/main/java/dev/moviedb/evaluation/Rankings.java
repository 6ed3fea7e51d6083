package dev.moviedb.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntPredicate;

/** Top-k selection over a score per catalogue position, and the random baseline. */
public final class Rankings {

  private Rankings() {}

  /** Positions of the {@code k} highest scores among allowed positions, best first. */
  public static List<Integer> top(double[] scores, int k, IntPredicate allowed) {
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            (a, b) -> scores[a] != scores[b] ? Double.compare(scores[a], scores[b]) : b - a);
    for (int i = 0; i < scores.length; i++) {
      if (!allowed.test(i) || Double.isNaN(scores[i])) {
        continue;
      }
      heap.add(i);
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Integer> out = new ArrayList<>(heap.size());
    while (!heap.isEmpty()) {
      out.add(heap.poll());
    }
    java.util.Collections.reverse(out);
    return out;
  }

  /** The deliberately broken baseline: {@code k} allowed positions in a seeded random order. */
  public static List<Integer> random(int size, int k, IntPredicate allowed, long seed) {
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (allowed.test(i)) {
        pool.add(i);
      }
    }
    java.util.Collections.shuffle(pool, new Random(seed));
    return pool.subList(0, Math.min(k, pool.size()));
  }

  /** (x - mean) / sd over the whole array; all zeros when the spread is zero. */
  public static double[] zScores(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= Math.max(1, x.length);
    double var = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / Math.max(1, x.length));
    double[] z = new double[x.length];
    if (sd == 0) {
      return z;
    }
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - mean) / sd;
    }
    return z;
  }
}
