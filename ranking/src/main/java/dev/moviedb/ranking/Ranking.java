package dev.moviedb.ranking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked page and what produced it: the weights and diversity applied, which sources were used,
 * how many titles were ranked, and the time each step took (in the order the steps ran).
 */
public record Ranking(
    List<RankedTitle> items,
    double alpha,
    double diversity,
    boolean usedQuery,
    boolean usedTaste,
    int candidates,
    Map<String, Double> timingsMillis) {

  public Ranking {
    items = List.copyOf(items);
    timingsMillis = Collections.unmodifiableMap(new LinkedHashMap<>(timingsMillis));
  }

  /** The same ranking with the time of a step that ran before it (e.g. embedding the words). */
  public Ranking after(String step, double millis) {
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put(step, Math.round(millis * 100) / 100.0);
    timings.putAll(timingsMillis);
    if (timingsMillis.containsKey("total")) {
      timings.put("total", Math.round((timingsMillis.get("total") + millis) * 100) / 100.0);
    }
    return new Ranking(items, alpha, diversity, usedQuery, usedTaste, candidates, timings);
  }
}
