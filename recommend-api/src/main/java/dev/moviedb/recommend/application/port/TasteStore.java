package dev.moviedb.recommend.application.port;

import dev.moviedb.recommend.domain.TasteProfile;
import java.util.Optional;

/** Port: reads a user's taste as the taste-profile-service keeps it. */
public interface TasteStore {

  /** The user's taste, or empty for a user MovieDB has no history of (a cold start). */
  Optional<TasteProfile> find(String userId);
}
