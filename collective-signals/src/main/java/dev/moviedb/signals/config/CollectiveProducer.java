package dev.moviedb.signals.config;

import dev.moviedb.collective.SignalParams;
import dev.moviedb.collective.Similarity;
import dev.moviedb.collective.redis.CollectiveReader;
import dev.moviedb.collective.redis.CollectiveWriter;
import dev.moviedb.signals.application.ApplyWatchEvents;
import dev.moviedb.signals.application.RefreshNeighbours;
import dev.moviedb.signals.application.port.CollectiveStore;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the collective state's writer and reader, and the use cases, from the configuration. */
@ApplicationScoped
public class CollectiveProducer {

  @Produces
  @Singleton
  SignalParams params(SignalsConfig c) {
    return new SignalParams(
        c.pairReach(), c.recentTitles(), c.contributions(), c.neighbours(), c.minUsers());
  }

  @Produces
  @Singleton
  CollectiveWriter writer(Redis redis, SignalParams params, SignalsConfig c) {
    return new CollectiveWriter(redis, params, Similarity.parse(c.similarity()));
  }

  @Produces
  @Singleton
  CollectiveReader reader(Redis redis, SignalParams params) {
    return new CollectiveReader(redis, params.minUsers(), Clock.systemUTC());
  }

  @Produces
  @Singleton
  ApplyWatchEvents applyWatchEvents(CollectiveStore store, SignalsConfig c) {
    return new ApplyWatchEvents(store);
  }

  @Produces
  @Singleton
  RefreshNeighbours refreshNeighbours(CollectiveStore store, SignalsConfig c) {
    return new RefreshNeighbours(store, c.refreshPerRun());
  }
}
