package dev.moviedb.recommend.config;

import dev.moviedb.ranking.Ranker;
import dev.moviedb.ranking.RankingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The ranking module, set up with the configured defaults. */
public class RankingProducer {

  @Produces
  @ApplicationScoped
  Ranker ranker(RecommendConfig config) {
    return new Ranker(
        new RankingSettings(
            config.alpha(),
            config.negativeShare(),
            config.candidates(),
            config.diversity(),
            config.calibrationSample(),
            true,
            config.collaborative(),
            config.popularity()));
  }
}
