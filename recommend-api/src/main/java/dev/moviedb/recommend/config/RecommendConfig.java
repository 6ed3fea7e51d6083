package dev.moviedb.recommend.config;

import dev.moviedb.ranking.RankingSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every knob of the ranking ({@code moviedb.recommend.*}); request parameters override some. */
@ConfigMapping(prefix = "moviedb.recommend")
public interface RecommendConfig {

  /**
   * Weight of the query score against the taste score when both exist (0..1). 0.6 is chosen by
   * docs/EVALUATION.md ("Fusion weight alpha"): of the alphas measured on combined requests, it
   * loses least against the best alpha of each request style (vague genre requests, plot requests).
   */
  @WithDefault(RankingSettings.DEFAULT_ALPHA)
  double alpha();

  /**
   * Share of the negative (disliked) centroid subtracted from the positive one. 0.5 is kept by
   * docs/EVALUATION.md ("Negative share"): 0, 0.25 and 0.5 are within noise of each other on
   * MovieLens, 1.0 is clearly worse.
   */
  @WithDefault(RankingSettings.DEFAULT_NEGATIVE_SHARE)
  double negativeShare();

  /**
   * Nearest neighbours fetched from the index per source (query, taste). 100 is chosen by
   * docs/EVALUATION.md ("Candidate count"): the smallest count whose candidates hold the top 10 of
   * ranking every title in at least 99.5 % of combined requests (measured on the shipped ranking;
   * the earlier copy of it measured 98 % at 100).
   */
  @WithDefault(RankingSettings.DEFAULT_CANDIDATES)
  int candidates();

  /**
   * Default diversity (0 = pure relevance; MMR lambda = 1 - diversity). docs/EVALUATION.md
   * ("Diversity", this MMR): with bge-small-en-v1.5-q, MovieLens hit@10 0.080 at 0.3 and 0.5
   * against 0.075 at 0 (within noise), intra-list similarity 0.633 against 0.635: at 0.3 MMR costs
   * nothing and changes lists a little; one title per franchise does most of the de-duplication.
   */
  @WithDefault(RankingSettings.DEFAULT_DIVERSITY)
  double diversity();

  /**
   * Titles sampled from the catalogue to calibrate score spreads (z-scores). Calibration stays on
   * by docs/EVALUATION.md ("Calibration"): no worse than adding raw cosines, and it keeps alpha's
   * meaning when the two scores spread differently (another model, another kind of taste).
   */
  @WithDefault(RankingSettings.DEFAULT_CALIBRATION_SAMPLE)
  int calibrationSample();

  /**
   * Share of co-watch in what is known of a user (the rest is their taste), 0..1: chosen by
   * docs/EVALUATION.md ("Collective signals").
   */
  @WithDefault(RankingSettings.DEFAULT_COLLABORATIVE)
  double collaborative();

  /** Weight of the popularity prior, 0..1: chosen by docs/EVALUATION.md ("Collective signals"). */
  @WithDefault(RankingSettings.DEFAULT_POPULARITY)
  double popularity();

  /**
   * People behind a co-watch pair or a popularity figure before it is used (the collective signals'
   * privacy floor).
   */
  @WithDefault("3")
  int minUsers();

  /** Query embeddings kept in memory for repeated queries. */
  @WithDefault("10000")
  int queryCacheSize();
}
