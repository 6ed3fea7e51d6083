package dev.moviedb.ranking;

/**
 * The ranking's defaults (recommend-api reads them from {@code moviedb.recommend.*}; the evaluation
 * sweeps them). Each is chosen by a measurement in docs/EVALUATION.md, which the recommend-api
 * configuration names.
 *
 * @param alpha weight of the request's words against the taste when both are present, 0..1
 * @param negativeShare share of the disliked centroid subtracted from the liked one, 0..1
 * @param candidates nearest titles fetched per source vector before fusion
 * @param diversity 0 = pure relevance order; MMR lambda = 1 - diversity
 * @param calibrationSample catalogue titles sampled to calibrate each score
 * @param calibrated z-scores against the sample (true), or raw cosines added (false)
 * @param collaborative share of co-watch in what is known of the user, 0..1 ({@link Fusion})
 * @param popularity weight of the popularity prior, 0..1 ({@link Fusion})
 */
public record RankingSettings(
    double alpha,
    double negativeShare,
    int candidates,
    double diversity,
    int calibrationSample,
    boolean calibrated,
    double collaborative,
    double popularity) {

  // The shipped defaults, as text so that recommend-api's configuration (@WithDefault) names these
  // very values; each is chosen by docs/EVALUATION.md (see recommend-api's RecommendConfig).
  public static final String DEFAULT_ALPHA = "0.6";
  public static final String DEFAULT_NEGATIVE_SHARE = "0.5";
  public static final String DEFAULT_CANDIDATES = "100";
  public static final String DEFAULT_DIVERSITY = "0.3";
  public static final String DEFAULT_CALIBRATION_SAMPLE = "512";
  public static final String DEFAULT_COLLABORATIVE = "0.5";
  public static final String DEFAULT_POPULARITY = "0.2";

  /** The shipped defaults: what recommend-api runs with unless configured otherwise. */
  public static final RankingSettings DEFAULTS =
      new RankingSettings(
          Double.parseDouble(DEFAULT_ALPHA),
          Double.parseDouble(DEFAULT_NEGATIVE_SHARE),
          Integer.parseInt(DEFAULT_CANDIDATES),
          Double.parseDouble(DEFAULT_DIVERSITY),
          Integer.parseInt(DEFAULT_CALIBRATION_SAMPLE),
          true,
          Double.parseDouble(DEFAULT_COLLABORATIVE),
          Double.parseDouble(DEFAULT_POPULARITY));

  public RankingSettings {
    Fusion.unit("alpha", alpha);
    Fusion.unit("negativeShare", negativeShare);
    Fusion.unit("diversity", diversity);
    Fusion.unit("collaborative", collaborative);
    Fusion.unit("popularity", popularity);
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    if (calibrationSample < 0) {
      throw new IllegalArgumentException("calibrationSample must be >= 0");
    }
  }

  public RankingSettings withAlpha(double value) {
    return new RankingSettings(
        value,
        negativeShare,
        candidates,
        diversity,
        calibrationSample,
        calibrated,
        collaborative,
        popularity);
  }

  public RankingSettings withNegativeShare(double value) {
    return new RankingSettings(
        alpha,
        value,
        candidates,
        diversity,
        calibrationSample,
        calibrated,
        collaborative,
        popularity);
  }

  public RankingSettings withCandidates(int value) {
    return new RankingSettings(
        alpha,
        negativeShare,
        value,
        diversity,
        calibrationSample,
        calibrated,
        collaborative,
        popularity);
  }

  public RankingSettings withDiversity(double value) {
    return new RankingSettings(
        alpha,
        negativeShare,
        candidates,
        value,
        calibrationSample,
        calibrated,
        collaborative,
        popularity);
  }

  public RankingSettings withCalibrated(boolean value) {
    return new RankingSettings(
        alpha,
        negativeShare,
        candidates,
        diversity,
        calibrationSample,
        value,
        collaborative,
        popularity);
  }

  public RankingSettings withCollaborative(double value) {
    return new RankingSettings(
        alpha,
        negativeShare,
        candidates,
        diversity,
        calibrationSample,
        calibrated,
        value,
        popularity);
  }

  public RankingSettings withPopularity(double value) {
    return new RankingSettings(
        alpha,
        negativeShare,
        candidates,
        diversity,
        calibrationSample,
        calibrated,
        collaborative,
        value);
  }
}
