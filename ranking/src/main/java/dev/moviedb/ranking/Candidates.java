package dev.moviedb.ranking;

import dev.moviedb.vectors.store.StoredTitle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which titles are ranked at all: the union of the nearest titles to each source vector (the
 * request, the taste). Each source contributes {@code candidates + offset + limit + watched}
 * titles, so that dropping watched titles and paging never empties the list; 200 candidates keep
 * the exact top 10 of a scan of the whole catalogue in 99.5 % of combined requests
 * (docs/EVALUATION.md, "Candidate count").
 */
public final class Candidates {

  private Candidates() {}

  /** Nearest titles fetched per source vector. */
  public static int perSource(int candidates, int offset, int limit, int watched) {
    return candidates + offset + limit + watched;
  }

  /** The union of the sources' lists, each title once, in first-seen order. */
  static Map<String, StoredTitle> union(List<List<StoredTitle>> nearest) {
    Map<String, StoredTitle> union = new LinkedHashMap<>();
    for (List<StoredTitle> list : nearest) {
      for (StoredTitle t : list) {
        union.putIfAbsent(t.titleId(), t);
      }
    }
    return union;
  }
}
