package dev.moviedb.taste.config;

import dev.moviedb.taste.domain.TitleResolver;
import dev.moviedb.tastestate.redis.RedisTasteState;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The taste state in Redis (taste-state's owner of the layout) and the in-memory title resolver.
 */
@ApplicationScoped
public class StateProducer {

  @Produces
  @Singleton
  RedisTasteState tasteState(Redis redis) {
    return new RedisTasteState(redis);
  }

  /** Empty at start; the catalogue follower fills it from catalog.titles. */
  @Produces
  @Singleton
  TitleResolver titleResolver() {
    return new TitleResolver();
  }
}
