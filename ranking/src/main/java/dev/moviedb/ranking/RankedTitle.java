package dev.moviedb.ranking;

import dev.moviedb.vectors.store.StoredTitle;
import java.util.List;
import java.util.Map;

/**
 * One ranked title and why: its fused relevance, the raw cosine of each score kind it has, the
 * liked titles nearest to it, and the metadata behind the match.
 */
public record RankedTitle(
    StoredTitle title,
    double score,
    Map<ScoreKind, Double> scores,
    List<String> because,
    List<String> matched) {

  public RankedTitle {
    scores = Map.copyOf(scores);
    because = List.copyOf(because);
    matched = List.copyOf(matched);
  }

  /** The raw score of one kind, or null when the request had no such source. */
  public Double score(ScoreKind kind) {
    return scores.get(kind);
  }
}
