package dev.moviedb.recommend.application.port;

import dev.moviedb.ranking.TasteWeights;
import java.util.Optional;

/** Port: reads a user's taste weights as the taste-profile-service keeps them. */
public interface TasteStore {

  /** The user's title weights, or empty for a user MovieDB has no history of (a cold start). */
  Optional<TasteWeights> find(String userId);
}
