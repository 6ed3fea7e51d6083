package dev.moviedb.taste.application.port;

import dev.moviedb.events.Signal;
import dev.moviedb.taste.domain.TasteProfile;
import dev.moviedb.tastestate.Side;
import java.util.List;
import java.util.Optional;

/** Port: the per-user taste state; every update is atomic per user and idempotent per event. */
public interface TasteStore {

  /** Applies one resolved signal, unless {@code eventKey} was applied before. */
  Outcome apply(Update update);

  /** Counts one unresolved title string, unless {@code eventKey} was applied before. */
  Outcome applyUnresolved(String userId, String eventKey, String rawTitle);

  /** The user's profile, empty when nothing is stored for them. */
  Optional<TasteProfile> profile(String userId);

  /** Removes every key of the user; returns the keys that existed. */
  List<String> delete(String userId);

  /** What an update did. */
  enum Outcome {
    APPLIED,
    DUPLICATE,
    /** Applied after the user's state was reset, because the signal came from another model. */
    APPLIED_AFTER_MODEL_RESET
  }

  /**
   * One resolved signal.
   *
   * @param weight the decayed weight, never negative; {@code side} says where it goes
   * @param occurredAtMillis event time; the stored updatedAt is the maximum seen
   */
  record Update(
      String userId,
      String eventKey,
      String titleId,
      Side side,
      double weight,
      float[] vector,
      Signal signal,
      long occurredAtMillis,
      String modelId,
      java.util.List<String> genres) {}
}
