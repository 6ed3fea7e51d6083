package dev.moviedb.taste.config;

import dev.moviedb.tastestate.SignalWeights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the configured signal weights injectable into the use cases. */
@ApplicationScoped
public class WeightsProducer {

  @Produces
  @Singleton
  SignalWeights signalWeights(TasteConfig config) {
    TasteConfig.Weights w = config.weights();
    return new SignalWeights(
        w.loved(),
        w.liked(),
        w.watched(),
        w.listed(),
        w.abandoned(),
        w.disliked(),
        w.minWatchedFactor(),
        w.fullWatchSeconds(),
        config.halfLifeDays());
  }
}
