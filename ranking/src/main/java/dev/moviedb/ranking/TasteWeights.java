package dev.moviedb.ranking;

import java.util.Map;
import java.util.Set;

/**
 * A user's taste as weights, the state the taste service keeps: per title the summed positive and
 * negative weights (watching, thumbs up, thumbs down, each decayed by its age), and the titles the
 * user has watched or rated, which are never recommended again. No vectors: the taste vector is
 * composed from the vectors of the index being ranked ({@link TasteVector}), so it always belongs
 * to the model of the titles it is compared with, also after a re-embed.
 */
public record TasteWeights(
    Map<String, Double> positive, Map<String, Double> negative, Set<String> watched) {

  public static final TasteWeights NONE = new TasteWeights(Map.of(), Map.of(), Set.of());

  public TasteWeights {
    positive = positive == null ? Map.of() : Map.copyOf(positive);
    negative = negative == null ? Map.of() : Map.copyOf(negative);
    watched = watched == null ? Set.of() : Set.copyOf(watched);
    for (var w : positive.entrySet()) {
      requireWeight(w.getKey(), w.getValue());
    }
    for (var w : negative.entrySet()) {
      requireWeight(w.getKey(), w.getValue());
    }
  }

  private static void requireWeight(String titleId, Double weight) {
    if (weight == null || !(weight >= 0) || weight.isInfinite()) {
      throw new IllegalArgumentException(
          "the weight of " + titleId + " must be a finite number >= 0, got " + weight);
    }
  }

  /** Whether no title carries a weight (a user with only unresolved history, or none). */
  public boolean isEmpty() {
    return positive.isEmpty() && negative.isEmpty();
  }
}
