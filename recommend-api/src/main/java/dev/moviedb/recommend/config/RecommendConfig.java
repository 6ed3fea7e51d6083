package dev.moviedb.recommend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every knob of the ranking ({@code moviedb.recommend.*}); request parameters override some. */
@ConfigMapping(prefix = "moviedb.recommend")
public interface RecommendConfig {

  /** Weight of the query score against the taste score when both exist (0..1). */
  @WithDefault("0.6")
  double alpha();

  /** Share of the negative (disliked) centroid subtracted from the positive one. */
  @WithDefault("0.5")
  double negativeShare();

  /** Nearest neighbours fetched from the index per source (query, taste). */
  @WithDefault("100")
  int candidates();

  /** Default diversity (0 = pure relevance; MMR lambda = 1 - diversity). */
  @WithDefault("0.3")
  double diversity();

  /** Titles sampled from the catalogue to calibrate score spreads. */
  @WithDefault("512")
  int calibrationSample();

  @WithDefault("10")
  int defaultLimit();

  @WithDefault("100")
  int maxLimit();

  @WithDefault("1000")
  int maxOffset();

  @WithDefault("1000")
  int maxQueryLength();

  /** Query embeddings kept in memory for repeated queries. */
  @WithDefault("10000")
  int queryCacheSize();

  @WithDefault("netflix")
  String defaultService();

  @WithDefault("NL")
  String defaultCountry();
}
