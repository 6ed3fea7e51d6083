package dev.moviedb.recommend.adapter.out.redis;

import dev.moviedb.ranking.TasteWeights;
import dev.moviedb.recommend.application.port.TasteStore;
import dev.moviedb.tastestate.redis.RedisTasteState;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Adapter: reads the taste state that taste-profile-service keeps in Redis, through taste-state's
 * {@link RedisTasteState}, the one owner of that layout: per title the summed decayed positive and
 * negative weights, and the titles watched or rated. Redis holds no vectors: the taste vector is
 * composed from the index being served, so it always belongs to the model of the titles.
 */
@ApplicationScoped
public class RedisTasteStore implements TasteStore {

  private final RedisTasteState state;

  @Inject
  public RedisTasteStore(Redis redis) {
    this(new RedisTasteState(redis));
  }

  RedisTasteStore(RedisTasteState state) {
    this.state = state;
  }

  @Override
  public Optional<TasteWeights> find(String userId) {
    return state
        .weights(userId)
        .map(w -> new TasteWeights(w.positive(), w.negative(), w.watched()));
  }
}
