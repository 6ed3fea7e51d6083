package dev.moviedb.tastestate;

import java.util.Map;
import java.util.Set;

/**
 * What a ranking needs of a user: per title the summed decayed positive and negative weight, and
 * the titles watched or rated. The taste vector is composed from these and the vectors of the index
 * being served.
 */
public record TasteWeights(
    Map<String, Double> positive, Map<String, Double> negative, Set<String> watched) {

  public TasteWeights {
    positive = Map.copyOf(positive);
    negative = Map.copyOf(negative);
    watched = Set.copyOf(watched);
  }
}
