package dev.moviedb.recommend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every knob of the ranking ({@code moviedb.recommend.*}); request parameters override some. */
@ConfigMapping(prefix = "moviedb.recommend")
public interface RecommendConfig {

  /**
   * Weight of the query score against the taste score when both exist (0..1). Not yet tuned:
   * docs/EVALUATION.md measures the combined case at 0.5 only; 0.6 leans on the request, which a
   * user typed on purpose.
   */
  @WithDefault("0.6")
  double alpha();

  /** Share of the negative (disliked) centroid subtracted from the positive one. */
  @WithDefault("0.5")
  double negativeShare();

  /** Nearest neighbours fetched from the index per source (query, taste). */
  @WithDefault("100")
  int candidates();

  /**
   * Default diversity (0 = pure relevance; MMR lambda = 1 - diversity). 0.3 is chosen by
   * docs/EVALUATION.md: with bge-small-en-v1.5-q, MovieLens hit@10 0.120 at 0.3 against 0.090 at 0
   * and 0.105 at 0.5, with lower intra-list similarity (0.637 vs 0.658) and more coverage.
   */
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
